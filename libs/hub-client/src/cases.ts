import { MAX_CASES_PER_CALL } from '@parallax/domain';
import type { Fingerprint } from '@parallax/fingerprint';
import { RegisterCasesDocument } from './gql/graphql.js';
import { send } from './operation.js';
import type { HubRequest } from './request.js';

export interface CaseMeta {
  /** Stable per case in the caller's own records, so a retried upload registers it once. */
  idempotencyKey: string;
  reference: string;
  status: string;
  situationTags: string[];
  crimeTags: string[];
}

export interface CaseUpload extends CaseMeta {
  fingerprints: readonly Fingerprint[];
}

export interface Registration {
  idempotencyKey: string;
  caseId: string;
  created: boolean;
}

/** Uploads fingerprinted cases in batches; each case commits on its own on the hub. */
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
      status: c.status,
      situationTags: c.situationTags,
      crimeTags: c.crimeTags,
      epoch,
      fingerprints: c.fingerprints.map((f) => ({ kind: f.kind, fp: f.fp })),
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
