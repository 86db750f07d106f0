import type { OprfEvaluator } from '@parallax/fingerprint';
import { fromBase64, toBase64 } from './base64.js';
import { EvaluateOprfDocument } from './gql/graphql.js';
import { send } from './operation.js';
import type { HubRequest } from './request.js';

/** The online evaluator: blinded elements go to the hub, which never sees the inputs. */
export function hubEvaluator(
  request: HubRequest,
  workingGroupId: string,
  epoch: number,
  onBudget?: (used: number, allowed: number) => void,
): OprfEvaluator {
  return async (blinded) => {
    const { evaluateOprf } = await send(request, EvaluateOprfDocument, {
      wg: workingGroupId,
      epoch,
      blinded: blinded.map(toBase64),
    });
    onBudget?.(evaluateOprf.usedToday, evaluateOprf.allowedToday);
    return evaluateOprf.evaluatedElements.map(fromBase64);
  };
}
