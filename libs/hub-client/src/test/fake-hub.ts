import { evaluate, generateOprfKey } from '@parallax/fingerprint';
import { fromBase64, toBase64 } from '../base64.js';
import { HubError, type HubRequest } from '../request.js';

interface StoredCase {
  caseId: string;
  reference: string;
  fingerprints: Array<{ kind: string; fp: string }>;
}

/** A stand-in hub: OPRF under its own key with the real budget rule, and idempotent registration. */
export function fakeHub(
  opts: {
    base?: number;
    perCase?: number;
    failRegister?: (call: number) => boolean;
    /** The code of a budget refusal: the new specific one, or the category older hubs send. */
    budgetCode?: string;
  } = {},
) {
  const oprfKey = generateOprfKey();
  const cases = new Map<string, StoredCase>();
  const sent: string[] = [];
  let used = 0;
  let refused = 0;
  let registerCalls = 0;
  let evaluateCalls = 0;
  const request: HubRequest = async <T>(
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<T> => {
    sent.push(JSON.stringify({ query, variables }));
    if (query.includes('evaluateOprf')) {
      evaluateCalls++;
      const blinded = (variables?.['blinded'] as string[]).map(fromBase64);
      const allowed = (opts.base ?? 1_000_000) + (opts.perCase ?? 60) * cases.size;
      if (used + blinded.length > allowed) {
        refused++;
        throw new HubError(
          opts.budgetCode ?? 'RATE_LIMITED',
          `Fingerprinting budget for today is used up (${allowed} evaluations).`,
        );
      }
      used += blinded.length;
      const evaluated = await evaluate(oprfKey, blinded);
      return {
        evaluateOprf: {
          evaluatedElements: evaluated.map(toBase64),
          usedToday: used,
          allowedToday: allowed,
        },
      } as T;
    }
    if (query.includes('registerCases')) {
      registerCalls++;
      if (opts.failRegister?.(registerCalls)) throw new TypeError('fetch failed');
      const input = variables?.['cases'] as Array<{
        idempotencyKey: string;
        reference: string;
        fingerprints: StoredCase['fingerprints'];
      }>;
      return {
        registerCases: input.map((c) => {
          const existing = cases.get(c.idempotencyKey);
          if (existing)
            return { idempotencyKey: c.idempotencyKey, caseId: existing.caseId, created: false };
          const stored = {
            caseId: `case-${cases.size + 1}`,
            reference: c.reference,
            fingerprints: c.fingerprints,
          };
          cases.set(c.idempotencyKey, stored);
          return { idempotencyKey: c.idempotencyKey, caseId: stored.caseId, created: true };
        }),
      } as T;
    }
    throw new Error(`unexpected request ${query}`);
  };
  return {
    request,
    oprfKey,
    cases,
    sent,
    stats: () => ({ used, refused, registerCalls, evaluateCalls }),
  };
}
