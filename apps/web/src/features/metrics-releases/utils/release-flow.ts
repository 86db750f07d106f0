/**
 * The coordinator's release flow as a reducer: which month is chosen, which
 * release is previewed, and what the last step ended with. Mutations and
 * reloads live in the hook (useReleaseFlow); this stays pure.
 */

export type Decision = 'publish' | 'withhold';

export type ReleaseFlowNotice =
  | { kind: 'computed'; period: string }
  | { kind: 'decided'; period: string; status: 'published' | 'withheld' }
  | { kind: 'stale' };

export interface ReleaseFlowState {
  /** The month chosen in the picker ('YYYY-MM'), or none yet. */
  period: string | null;
  /** The release shown in the preview; null shows the newest draft. */
  previewId: string | null;
  notice: ReleaseFlowNotice | null;
}

export type ReleaseFlowEvent =
  | { type: 'periodChosen'; period: string }
  | { type: 'previewed'; releaseId: string }
  | { type: 'started' }
  | { type: 'computed'; releaseId: string; period: string }
  | { type: 'decided'; releaseId: string; period: string; status: 'published' | 'withheld' }
  | { type: 'stale' };

export const initialReleaseFlow: ReleaseFlowState = { period: null, previewId: null, notice: null };

export function releaseFlowReducer(
  state: ReleaseFlowState,
  event: ReleaseFlowEvent,
): ReleaseFlowState {
  switch (event.type) {
    case 'periodChosen':
      return { ...state, period: event.period, notice: null };
    case 'previewed':
      return { ...state, previewId: event.releaseId, notice: null };
    case 'started':
      return { ...state, notice: null };
    case 'computed':
      // The new draft is what the coordinator checks next.
      return {
        ...state,
        previewId: event.releaseId,
        notice: { kind: 'computed', period: event.period },
      };
    case 'decided':
      return {
        ...state,
        previewId: event.releaseId,
        notice: { kind: 'decided', period: event.period, status: event.status },
      };
    case 'stale':
      return { ...state, notice: { kind: 'stale' } };
  }
}

/** The release to preview: the chosen one if still listed, else the newest draft. */
export function previewedRelease<R extends { id: string; status: string }>(
  releases: readonly R[],
  previewId: string | null,
): R | null {
  return (
    releases.find((r) => r.id === previewId) ?? releases.find((r) => r.status === 'draft') ?? null
  );
}
