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
