import type { Fingerprint, FtmPerson } from '@parallax/fingerprint';
import {
  assertNameLimits,
  caseFields,
  hubEvaluator,
  registerCases,
  HubError,
  withNetworkRetry,
  type HubRequest,
  type Registration,
} from '@parallax/hub-client';
import type { Fingerprinter } from '../../fingerprinting/utils/fingerprinter';

/** What a case says about itself: the organisation's label and fixed vocabularies only. */
export interface CaseMeta {
  reference: string;
  status: string;
  situationTags: string[];
  crimeTags: string[];
}

export interface FingerprintPerson {
  request: HubRequest;
  fingerprinter: Fingerprinter;
  workingGroupId: string;
  epoch: number;
  groupKey: Uint8Array;
  person: FtmPerson;
  defaultPhoneCountry?: string;
  onProgress?: (done: number, total: number) => void;
}

export interface RegisterPersonCase extends FingerprintPerson {
  meta: CaseMeta;
  /** Kept across retries of the same submission, so the hub registers the case once. */
  idempotencyKey: string;
  /** Fingerprinting is done; the case is being uploaded. */
  onRegistering?: () => void;
}

/** The person yields no key: no name of two words or more, no usable date or identifier. */
export const NO_KEYS = 'NO_KEYS';

/**
 * One person's fingerprints: the person goes to the fingerprinter (a
 * worker), whose blinded elements the hub evaluates. The hub sees blinded
 * elements only. Throws NO_KEYS when nothing can be fingerprinted.
 */
export async function fingerprintPerson({
  request,
  fingerprinter,
  workingGroupId,
  epoch,
  groupKey,
  person,
  defaultPhoneCountry,
  onProgress,
}: FingerprintPerson): Promise<Fingerprint[]> {
  // A case describes one person: refused here (CASE_TOO_MANY_NAMES) before any evaluation is spent.
  assertNameLimits(person);
  const { fingerprints } = await fingerprinter.run(
    {
      kind: 'person',
      person,
      groupKey,
      ...(defaultPhoneCountry ? { defaultPhoneCountry } : {}),
    },
    {
      evaluator: hubEvaluator(request, workingGroupId, epoch),
      ...(onProgress ? { onProgress } : {}),
    },
  );
  if (fingerprints.length === 0) throw new HubError(NO_KEYS, 'No usable identifier');
  return fingerprints;
}

/**
 * One case entered by hand: fingerprint the person, then register the case
 * with its fingerprints. The hub receives blinded elements, fingerprints and
 * the case's label and tags — never the person. Like the bulk import (the
 * orchestrator of @parallax/hub-client), a dropped connection is retried
 * with the same idempotency key, so the hub registers the case once.
 */
export async function registerPersonCase(input: RegisterPersonCase): Promise<Registration> {
  const fingerprints = await fingerprintPerson(input);
  input.onRegistering?.();
  const { request, workingGroupId, epoch, meta, idempotencyKey } = input;
  const [registration] = await registerCases(withNetworkRetry(request), workingGroupId, epoch, [
    { idempotencyKey, ...caseFields(meta), reference: meta.reference.trim(), fingerprints },
  ]);
  if (!registration) throw new HubError('INTERNAL', 'The hub did not confirm the case');
  return registration;
}
