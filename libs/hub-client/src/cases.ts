import {
  CASE_STATUSES,
  CRIME_CATEGORIES,
  MAX_CASES_PER_CALL,
  SITUATIONS,
  type CaseStatus,
  type CrimeCategory,
  type Situation,
} from '@parallax/domain';
import { FINGERPRINT_SCHEMA_VERSION, type Fingerprint } from '@parallax/fingerprint';
import { padFingerprints } from './case-limits.js';
import { RegisterCasesDocument } from './gql/graphql.js';
import { send } from './operation.js';
import { HubError, type HubRequest } from './request.js';

/** What a case says about itself: the organisation's label and the fixed vocabularies. */
export interface CaseFields {
  status: CaseStatus;
  situationTags: Situation[];
  crimeTags: CrimeCategory[];
}

export interface CaseMeta extends CaseFields {
  /** Stable per case in the caller's own records, so a retried upload registers it once. */
  idempotencyKey: string;
  reference: string;
}

const isOneOf =
  <T extends string>(allowed: readonly T[]) =>
  (value: string): value is T =>
    (allowed as readonly string[]).includes(value);

/**
 * Status and tags as typed by a person (a form, command-line options) checked
 * against the fixed vocabularies; throws a HubError BAD_USER_INPUT naming the
 * first unknown value, before anything is sent.
 */
export function caseFields(input: {
  readonly status: string;
  readonly situationTags: readonly string[];
  readonly crimeTags: readonly string[];
}): CaseFields {
  const check = <T extends string>(
    values: readonly string[],
    allowed: readonly T[],
    what: string,
  ): T[] => {
    const known = isOneOf(allowed);
    return values.map((v) => {
      if (!known(v)) throw new HubError('BAD_USER_INPUT', `Unknown ${what} "${v}"`);
      return v;
    });
  };
  const [status] = check([input.status], CASE_STATUSES, 'case status');
  return {
    status: status as CaseStatus,
    situationTags: check(input.situationTags, SITUATIONS, 'situation'),
    crimeTags: check(input.crimeTags, CRIME_CATEGORIES, 'crime category'),
  };
}

export interface CaseUpload extends CaseMeta {
  /** The real fingerprints; registerCases pads them. */
  fingerprints: readonly Fingerprint[];
  /**
   * The idempotency keys the same record had under earlier key epochs: the
   * hub re-fingerprints that case instead of registering a second one.
   */
  supersedes?: readonly string[];
}

export interface Registration {
  idempotencyKey: string;
  caseId: string;
  created: boolean;
}

/** `value` as a member of the hub's vocabulary (a GraphQL enum), or the hub's own refusal, before sending. */
function oneOf<T extends string>(vocabulary: readonly T[], value: string, field: string): T {
  const found = vocabulary.find((v) => v === value);
  if (found === undefined)
    throw new HubError(
      'BAD_USER_INPUT',
      `${field}: ${value} is not one of ${vocabulary.join(', ')}`,
    );
  return found;
}

/**
 * Uploads fingerprinted cases in batches; each case commits on its own on the
 * hub. Each says which fingerprint rules made it (this library's
 * FINGERPRINT_SCHEMA_VERSION): the hub refuses them with
 * FINGERPRINT_SCHEMA_MISMATCH when the group's key epoch uses other rules.
 */
export async function registerCases(
  request: HubRequest,
  workingGroupId: string,
  epoch: number,
  cases: readonly CaseUpload[],
  onProgress?: (done: number, total: number) => void,
): Promise<Registration[]> {
  const out: Registration[] = [];
  for (let i = 0; i < cases.length; i += MAX_CASES_PER_CALL) {
    const batch = cases.slice(i, i + MAX_CASES_PER_CALL).map((c) => ({
      idempotencyKey: c.idempotencyKey,
      reference: c.reference,
      status: oneOf(CASE_STATUSES, c.status, 'status'),
      situationTags: c.situationTags.map((t) => oneOf(SITUATIONS, t, 'situationTags')),
      crimeTags: c.crimeTags.map((t) => oneOf(CRIME_CATEGORIES, t, 'crimeTags')),
      epoch,
      schemaVersion: FINGERPRINT_SCHEMA_VERSION,
      // Padded here, the one way every client uploads (see case-limits.ts).
      fingerprints: padFingerprints(c.fingerprints),
      ...(c.supersedes && c.supersedes.length > 0 ? { supersedes: [...c.supersedes] } : {}),
    }));
    const { registerCases: done } = await send(request, RegisterCasesDocument, {
      wg: workingGroupId,
      cases: batch,
    });
    out.push(...done);
    onProgress?.(out.length, cases.length);
  }
  return out;
}
