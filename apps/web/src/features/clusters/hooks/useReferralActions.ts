import type { ReferralStatus } from '@parallax/domain';
import type { CombinedError } from '@urql/core';
import { useState } from 'react';
import { RecordReferralDocument, UpdateReferralStatusDocument } from '../../../gql/graphql';
import { errorCode } from '../../../graphql/errors';
import { useAction } from '../../../graphql/use-action';
import { useNoteSealing } from './useArrangementSealing';

export interface ReferralRecord {
  authorityId: string;
  /** Only for the authority 'other'. */
  authorityName: string | null;
  referredOn: string;
  categories: string[];
}

/**
 * Recording a referral and following its status. A note is sealed first
 * (never sent in clear); a stale version reloads the cluster and says so.
 */
export function useReferralActions(
  cluster: { id: string; workingGroupId: string },
  onChanged: () => void,
) {
  const clusterId = cluster.id;
  const sealing = useNoteSealing({ clusterId, workingGroupId: cluster.workingGroupId });
  const record = useAction(RecordReferralDocument);
  const update = useAction(UpdateReferralStatusDocument);
  const [lastError, setLastError] = useState<CombinedError | undefined>(undefined);

  const settle = (result: { error?: CombinedError }): boolean => {
    setLastError(result.error);
    if (!result.error || errorCode(result.error) === 'REFERRAL_VERSION_STALE') onChanged();
    return !result.error;
  };

  return {
    busy: sealing.busy || record.fetching || update.fetching,
    error: lastError,
    sealProblem: sealing.problem,
    reset: () => {
      setLastError(undefined);
      sealing.reset();
    },

    async record(referral: ReferralRecord, noteText: string) {
      const note = await sealing.seal(noteText, 'referral');
      if (note === false) return false;
      return settle(await record.run({ input: { clusterId, ...referral, note } }));
    },

    async update(
      referral: { id: string; version: number },
      status: ReferralStatus,
      statusOn: string,
      noteText: string,
    ) {
      const note = await sealing.seal(noteText, 'referral');
      if (note === false) return false;
      return settle(
        await update.run({
          input: {
            referralId: referral.id,
            expectedVersion: referral.version,
            status,
            statusOn,
            note,
          },
        }),
      );
    },
  };
}

export type ReferralActions = ReturnType<typeof useReferralActions>;
