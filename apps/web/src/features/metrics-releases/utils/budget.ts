import { canSpend } from '@parallax/domain';

/**
 * ε travels as a float on the wire; the ledger's rule is in thousandths
 * (libs/domain epsilon.ts), so the web compares the same integers the API does.
 */
export function toMilli(epsilon: number): number {
  return Math.round(epsilon * 1000);
}

/** Whether one more release fits in the year's remaining budget. */
export function fitsBudget(budget: { cap: number; spent: number }, epsilonPerRelease: number) {
  return canSpend(toMilli(budget.cap), toMilli(budget.spent), toMilli(epsilonPerRelease));
}
