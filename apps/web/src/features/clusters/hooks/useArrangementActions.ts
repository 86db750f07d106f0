import type { PartyRole } from '@parallax/domain';
import type { CombinedError } from '@urql/core';
import { useState } from 'react';
import {
  AnswerArrangementReopenDocument,
  CommentOnArrangementDocument,
  DecideLeadArrangementDocument,
  ProposeLeadArrangementDocument,
  RequestArrangementReopenDocument,
  RespondToLeadProposalDocument,
} from '../../../gql/graphql';
import { errorCode } from '../../../graphql/errors';
import { useAction } from '../../../graphql/use-action';
import type { ArrangementView, ClusterView } from '../utils/cluster-view';
import { useNoteSealing } from './useArrangementSealing';

/**
 * Every change a party or a coordinator makes to a lead arrangement: the
 * free text sealed first, then the mutation with the version the user saw.
 * A stale version means someone changed it meanwhile: the page reloads the
 * arrangement and says so. Each call resolves to true when it was applied.
 */
export function useArrangementActions(
  cluster: Pick<ClusterView, 'id' | 'workingGroupId'>,
  arrangement: ArrangementView,
  onChanged: () => void,
) {
  const sealing = useNoteSealing({ clusterId: cluster.id, workingGroupId: cluster.workingGroupId });
  const propose = useAction(ProposeLeadArrangementDocument);
  const respond = useAction(RespondToLeadProposalDocument);
  const comment = useAction(CommentOnArrangementDocument);
  const decide = useAction(DecideLeadArrangementDocument);
  const reopen = useAction(RequestArrangementReopenDocument);
  const answerReopen = useAction(AnswerArrangementReopenDocument);
  const [lastError, setLastError] = useState<CombinedError | undefined>(undefined);
  const { clusterId, version: expectedVersion } = arrangement;

  const settle = (result: { error?: CombinedError }): boolean => {
    setLastError(result.error);
    if (!result.error) {
      onChanged();
      return true;
    }
    // The arrangement moved on: show the new one, the error says why nothing happened.
    if (errorCode(result.error) === 'ARRANGEMENT_VERSION_STALE') onChanged();
    return false;
  };

  const roleInput = (roles: readonly PartyRole[]) =>
    roles.map(({ organisationId, role, mayRefer }) => ({ organisationId, role, mayRefer }));

  return {
    busy:
      sealing.busy ||
      [propose, respond, comment, decide, reopen, answerReopen].some((a) => a.fetching),
    error: lastError,
    sealProblem: sealing.problem,
    stale: errorCode(lastError) === 'ARRANGEMENT_VERSION_STALE',
    reset: () => {
      setLastError(undefined);
      sealing.reset();
    },

    async propose(
      roles: readonly PartyRole[],
      deadline: string,
      message: string,
      counterTo: number | null,
    ) {
      const note = await sealing.seal(message, 'proposal');
      if (note === false) return false;
      return settle(
        await propose.run({
          input: { clusterId, expectedVersion, roles: roleInput(roles), deadline, note, counterTo },
        }),
      );
    },

    async respond(proposalNumber: number, accept: boolean, reason: string) {
      const note = await sealing.seal(reason, 'answer');
      if (note === false) return false;
      return settle(
        await respond.run({ input: { clusterId, expectedVersion, proposalNumber, accept, note } }),
      );
    },

    async comment(text: string) {
      const note = await sealing.seal(text, 'comment');
      if (!note) return false;
      return settle(await comment.run({ input: { clusterId, note } }));
    },

    async decide(roles: readonly PartyRole[], reason: string) {
      const note = await sealing.seal(reason, 'decision');
      if (!note) return false;
      return settle(
        await decide.run({ input: { clusterId, expectedVersion, roles: roleInput(roles), note } }),
      );
    },

    async requestReopen(reason: string) {
      const note = await sealing.seal(reason, 'reopen');
      if (!note) return false;
      return settle(await reopen.run({ input: { clusterId, expectedVersion, note } }));
    },

    async answerReopen(grant: boolean, text: string) {
      const note = await sealing.seal(text, 'reopen');
      if (note === false) return false;
      return settle(await answerReopen.run({ input: { clusterId, expectedVersion, grant, note } }));
    },
  };
}

export type ArrangementActions = ReturnType<typeof useArrangementActions>;
