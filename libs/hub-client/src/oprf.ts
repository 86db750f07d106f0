import type { OprfEvaluator } from '@parallax/fingerprint';
import { fromBase64, toBase64 } from './base64.js';
import type { HubRequest } from './request.js';

/** The online evaluator: blinded elements go to the hub, which never sees the inputs. */
export function hubEvaluator(
  request: HubRequest,
  workingGroupId: string,
  epoch: number,
  onBudget?: (used: number, allowed: number) => void,
): OprfEvaluator {
  return async (blinded) => {
    const { evaluateOprf } = await request<{ evaluateOprf: { evaluatedElements: string[]; usedToday: number; allowedToday: number } }>(
      'mutation EvaluateOprf($wg: ID!, $epoch: Int!, $blinded: [String!]!) { evaluateOprf(workingGroupId: $wg, epoch: $epoch, blindedElements: $blinded) { evaluatedElements usedToday allowedToday } }',
      { wg: workingGroupId, epoch, blinded: blinded.map(toBase64) },
    );
    onBudget?.(evaluateOprf.usedToday, evaluateOprf.allowedToday);
    return evaluateOprf.evaluatedElements.map(fromBase64);
  };
}
