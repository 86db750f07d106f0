import { decodeKeyBase64, type CoordinatorPin, type GroupPins } from '@parallax/identity';

/**
 * Where a client keeps its coordinator pins: per viewer and working group,
 * on the device (web: localStorage; CLI: a JSON file in its config folder).
 * Never on the hub — a pin the hub could rewrite would protect nothing.
 */
export interface PinStore {
  load(viewerUserId: string, workingGroupId: string): Promise<GroupPins>;
  save(viewerUserId: string, workingGroupId: string, pins: GroupPins): Promise<void>;
}

/** Pins in memory: tests, and scripts that run once (each run trusts on first use). */
export class MemoryPinStore implements PinStore {
  private readonly pins = new Map<string, GroupPins>();

  private static key(viewerUserId: string, workingGroupId: string): string {
    return JSON.stringify([viewerUserId, workingGroupId]);
  }

  load(viewerUserId: string, workingGroupId: string): Promise<GroupPins> {
    return Promise.resolve(this.pins.get(MemoryPinStore.key(viewerUserId, workingGroupId)) ?? {});
  }

  save(viewerUserId: string, workingGroupId: string, pins: GroupPins): Promise<void> {
    this.pins.set(MemoryPinStore.key(viewerUserId, workingGroupId), { ...pins });
    return Promise.resolve();
  }
}

function isKey(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  try {
    return decodeKeyBase64(value).length === 32;
  } catch {
    return false;
  }
}

function parsePin(value: unknown): CoordinatorPin | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  if (
    !isKey(v['signingPublicKey']) ||
    !isKey(v['encryptionPublicKey']) ||
    typeof v['verified'] !== 'boolean'
  )
    return null;
  return {
    signingPublicKey: v['signingPublicKey'],
    encryptionPublicKey: v['encryptionPublicKey'],
    verified: v['verified'],
  };
}

/**
 * One group's pins read back from storage. A malformed entry is dropped
 * (so its coordinator is no longer a root: the safe direction), never
 * repaired into something trusted.
 */
export function parseGroupPins(value: unknown): GroupPins {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
  const out: Record<string, CoordinatorPin> = {};
  for (const [userId, pin] of Object.entries(value)) {
    const parsed = parsePin(pin);
    if (parsed && userId.length > 0) out[userId] = parsed;
  }
  return out;
}

/** The part of Web Storage (localStorage) a StoragePinStore needs. */
export interface PinStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/**
 * Pins in Web Storage (the web client's localStorage), one entry per viewer
 * and group under `parallax/pins/<viewer>/<group>`. Unreadable entries load
 * as no pins for that group; the next verified epoch pins again on first use.
 */
export class StoragePinStore implements PinStore {
  constructor(
    private readonly storage: PinStorage,
    private readonly prefix = 'parallax/pins',
  ) {}

  private key(viewerUserId: string, workingGroupId: string): string {
    return `${this.prefix}/${encodeURIComponent(viewerUserId)}/${encodeURIComponent(workingGroupId)}`;
  }

  load(viewerUserId: string, workingGroupId: string): Promise<GroupPins> {
    const text = this.storage.getItem(this.key(viewerUserId, workingGroupId));
    if (text === null) return Promise.resolve({});
    try {
      return Promise.resolve(parseGroupPins(JSON.parse(text)));
    } catch {
      return Promise.resolve({});
    }
  }

  save(viewerUserId: string, workingGroupId: string, pins: GroupPins): Promise<void> {
    this.storage.setItem(this.key(viewerUserId, workingGroupId), JSON.stringify(pins));
    return Promise.resolve();
  }
}
