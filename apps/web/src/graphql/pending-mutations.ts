import type { MessageId } from '../i18n/messages';

/** The generic label of an action started without one. */
export const DEFAULT_ACTION_LABEL: MessageId = 'action.pending.default';

export interface PendingMutation {
  /** The action's idempotency key: one per user action, the same on every retry. */
  key: string;
  /** Message id naming the action for people ("Save case", or the generic label). */
  labelId: MessageId;
  since: number;
}

/**
 * Changes the user made that could not be sent yet (a network error, and
 * retries under way). Kept in memory for this tab only: replaying a change
 * after a reload, with the form that made it gone, could surprise people.
 * (Case registration has its own resumable path.)
 */
export class PendingMutations {
  private items: readonly PendingMutation[] = [];
  private readonly listeners = new Set<() => void>();

  readonly getSnapshot = (): readonly PendingMutation[] => this.items;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  add(key: string, labelId: MessageId = DEFAULT_ACTION_LABEL): void {
    if (this.items.some((item) => item.key === key)) return;
    this.set([...this.items, { key, labelId, since: Date.now() }]);
  }

  remove(key: string): void {
    if (!this.items.some((item) => item.key === key)) return;
    this.set(this.items.filter((item) => item.key !== key));
  }

  private set(items: readonly PendingMutation[]): void {
    this.items = items;
    for (const listener of [...this.listeners]) listener();
  }
}
