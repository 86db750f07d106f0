import { parseGroupPins, StoragePinStore, type PinStorage } from '@parallax/hub-client';
import type { GroupPins } from '@parallax/identity';

const PREFIX = 'parallax/pins';

/**
 * This device's pinned coordinator keys, per user and working group, in
 * localStorage (hub-client's StoragePinStore: `parallax/pins/<user>/<group>`):
 * pins must outlive the tab — the point is to notice, next week, that a
 * coordinator's key changed — and each user of a shared browser keeps their
 * own. Pins hold public keys only, and never go to the hub: a pin the hub
 * could rewrite would protect nothing. On top of the shared store: a
 * synchronous read and change notifications, for the screens.
 */
export class LocalPinStore extends StoragePinStore {
  private readonly listeners = new Set<() => void>();
  /** Bumped on every change: a cheap snapshot for useSyncExternalStore. */
  version = 0;

  constructor(private readonly backing: PinStorage) {
    super(backing, PREFIX);
  }

  /** The pins of one group, at once; none when this device never pinned anyone there. */
  read(viewerUserId: string, workingGroupId: string): GroupPins {
    const text = this.backing.getItem(
      `${PREFIX}/${encodeURIComponent(viewerUserId)}/${encodeURIComponent(workingGroupId)}`,
    );
    if (text === null) return {};
    try {
      return parseGroupPins(JSON.parse(text));
    } catch {
      // Unreadable: no pins (the safe direction — nobody is a root on its word).
      return {};
    }
  }

  override async save(
    viewerUserId: string,
    workingGroupId: string,
    pins: GroupPins,
  ): Promise<void> {
    const before = JSON.stringify(this.read(viewerUserId, workingGroupId));
    await super.save(viewerUserId, workingGroupId, pins);
    if (JSON.stringify(this.read(viewerUserId, workingGroupId)) === before) return;
    this.version += 1;
    for (const listener of [...this.listeners]) listener();
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
}

let shared: LocalPinStore | null = null;

/** The app's one pin store, over this browser's localStorage. */
export function browserPinStore(): LocalPinStore {
  shared ??= new LocalPinStore(window.localStorage);
  return shared;
}
