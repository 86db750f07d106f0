import type { EventEmitter2 } from '@nestjs/event-emitter';

/**
 * Emitted after the transaction that changed cases' fingerprints committed
 * (registration, re-fingerprinting, withdrawal). Listeners act on committed
 * data only; what must not be lost is the matching job, enqueued inside that
 * transaction, not this event.
 */
export const CasesEvent = {
  Registered: 'cases.registered',
  FingerprintsReplaced: 'cases.fingerprints_replaced',
  Withdrawn: 'cases.withdrawn',
} as const;

export interface CasesChangedEvent {
  caseIds: string[];
}

/** Emits `event` for `caseIds`: call it only once their transaction committed. */
export function emitCasesChanged(
  events: EventEmitter2,
  event: (typeof CasesEvent)[keyof typeof CasesEvent],
  caseIds: string[],
): void {
  const payload: CasesChangedEvent = { caseIds };
  events.emit(event, payload);
}
