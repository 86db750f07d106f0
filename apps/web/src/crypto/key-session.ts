import { base64ToBytes, bytesToBase64 } from './base64';
import type { UnlockedKeys } from './key-store';

/** One tab's wrapping key as kept in IndexedDB, with when the tab last showed it is alive. */
export interface StoredWrappingKey {
  key: CryptoKey;
  touchedAt: number;
}

/**
 * Where the wrapping keys live: IndexedDB in the browser (see
 * idb-wrapping-keys.ts), an in-memory map in unit tests. Keyed by tab
 * session id, because IndexedDB is shared by every tab of the origin.
 */
export interface WrappingKeyStore {
  get(id: string): Promise<StoredWrappingKey | undefined>;
  set(id: string, value: StoredWrappingKey): Promise<void>;
  delete(id: string): Promise<void>;
  entries(): Promise<Array<[string, StoredWrappingKey]>>;
}

export interface KeySessionOptions {
  wrappingKeys: WrappingKeyStore;
  /** The tab's sessionStorage: gone when the tab closes, never shared with another tab. */
  storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
  subtle?: SubtleCrypto;
  random?: (bytes: Uint8Array<ArrayBuffer>) => Uint8Array<ArrayBuffer>;
  now?: () => number;
  /**
   * A wrapping key not touched for this long belongs to a closed tab (an
   * open one touches it on activity, or locks itself when idle): swept at start.
   */
  staleAfterMs: number;
}

/** The sessionStorage item: who the keys belong to, which tab session, and the ciphertext. */
interface SavedKeys {
  v: 1;
  id: string;
  userId: string;
  iv: string;
  ct: string;
}

export const KEY_SESSION_ITEM = 'parallax/key-session';

/**
 * Keeps the unlocked keys across a reload of this tab, and no further.
 *
 * The keys are encrypted (AES-256-GCM) under a wrapping key made with
 * `extractable: false`: its bytes never reach JavaScript, and IndexedDB
 * stores the CryptoKey object itself. The ciphertext sits in the tab's
 * sessionStorage, its authenticated data naming the user and the tab
 * session, so a blob restores only for the user it was made for. A copy of
 * the profile on disk holds neither the keys nor a way to decrypt them
 * outside this browser; code running in the open tab still can (see
 * docs/SECURITY.md). Operations run one after another, in call order.
 */
export class KeySession {
  private readonly subtle: SubtleCrypto;
  private readonly random: (bytes: Uint8Array<ArrayBuffer>) => Uint8Array<ArrayBuffer>;
  private readonly now: () => number;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: KeySessionOptions) {
    this.subtle = options.subtle ?? globalThis.crypto.subtle;
    this.random = options.random ?? ((b) => globalThis.crypto.getRandomValues(b));
    this.now = options.now ?? Date.now;
  }

  /** Whether this tab has keys to restore (cheap and synchronous: no decryption). */
  hasSaved(): boolean {
    return this.readBlob() !== null;
  }

  /** Encrypts `keys` for this tab; `fresh` first drops the old wrapping key (password change). */
  save(keys: UnlockedKeys, fresh = false): Promise<void> {
    return this.run(async () => {
      let blob = this.readBlob();
      if (blob && (fresh || blob.userId !== keys.userId)) {
        await this.forget(blob.id);
        blob = null;
      }
      const id = blob?.id ?? bytesToBase64(this.random(new Uint8Array(16)));
      let stored = await this.options.wrappingKeys.get(id);
      if (!stored) {
        const key = await this.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, [
          'encrypt',
          'decrypt',
        ]);
        stored = { key, touchedAt: this.now() };
      }
      await this.options.wrappingKeys.set(id, { key: stored.key, touchedAt: this.now() });
      const iv = this.random(new Uint8Array(12));
      const plain = encodeKeys(keys);
      try {
        const ct = await this.subtle.encrypt(
          { name: 'AES-GCM', iv, additionalData: aad(keys.userId, id) },
          stored.key,
          plain,
        );
        const next: SavedKeys = {
          v: 1,
          id,
          userId: keys.userId,
          iv: bytesToBase64(iv),
          ct: bytesToBase64(new Uint8Array(ct)),
        };
        this.options.storage.setItem(KEY_SESSION_ITEM, JSON.stringify(next));
      } finally {
        plain.fill(0);
      }
    });
  }

  /**
   * The keys this tab saved for `userId`, or null. Anything that does not
   * restore (another user, a missing or wrong wrapping key, a damaged blob)
   * is deleted, so the next unlock starts clean.
   */
  restore(userId: string): Promise<UnlockedKeys | null> {
    return this.run(async () => {
      const blob = this.readBlob();
      if (!blob) return null;
      const stored = await this.options.wrappingKeys.get(blob.id);
      if (blob.userId !== userId || !stored) {
        await this.forget(blob.id);
        return null;
      }
      try {
        const plain = new Uint8Array(
          await this.subtle.decrypt(
            { name: 'AES-GCM', iv: bytes(blob.iv), additionalData: aad(userId, blob.id) },
            stored.key,
            bytes(blob.ct),
          ),
        );
        const keys = decodeKeys(userId, plain);
        plain.fill(0);
        await this.options.wrappingKeys.set(blob.id, { key: stored.key, touchedAt: this.now() });
        return keys;
      } catch {
        await this.forget(blob.id);
        return null;
      }
    });
  }

  /** Deletes this tab's blob and its wrapping key (lock, sign-out, session end). */
  clear(): Promise<void> {
    // The blob goes at once: a reload that overtakes the queue finds nothing.
    const blob = this.readBlob();
    this.options.storage.removeItem(KEY_SESSION_ITEM);
    return this.run(async () => {
      if (blob) await this.options.wrappingKeys.delete(blob.id);
    });
  }

  /** Tells other tabs' sweeps this tab is alive (on user activity). */
  touch(): Promise<void> {
    return this.run(async () => {
      const blob = this.readBlob();
      const stored = blob && (await this.options.wrappingKeys.get(blob.id));
      if (blob && stored) await this.options.wrappingKeys.set(blob.id, { ...stored, touchedAt: this.now() });
    });
  }

  /**
   * At start: deletes wrapping keys whose blob is gone — this tab's, if its
   * blob is missing, and those of tabs closed long enough to be stale.
   */
  sweep(): Promise<void> {
    return this.run(async () => {
      const mine = this.readBlob()?.id;
      const cutoff = this.now() - this.options.staleAfterMs;
      for (const [id, stored] of await this.options.wrappingKeys.entries()) {
        if (id !== mine && stored.touchedAt < cutoff) await this.options.wrappingKeys.delete(id);
      }
    });
  }

  /** Resolves once every operation asked for so far has run. */
  settled(): Promise<void> {
    return this.queue.then(() => undefined);
  }

  private async forget(id: string): Promise<void> {
    this.options.storage.removeItem(KEY_SESSION_ITEM);
    await this.options.wrappingKeys.delete(id);
  }

  private readBlob(): SavedKeys | null {
    const text = this.options.storage.getItem(KEY_SESSION_ITEM);
    if (text === null) return null;
    try {
      const b = JSON.parse(text) as Partial<SavedKeys>;
      if (
        b.v === 1 &&
        typeof b.id === 'string' &&
        typeof b.userId === 'string' &&
        typeof b.iv === 'string' &&
        typeof b.ct === 'string'
      )
        return b as SavedKeys;
    } catch {
      // Unreadable: treated as absent, and overwritten or removed.
    }
    return null;
  }

  private run<T>(op: () => Promise<T>): Promise<T> {
    const next = this.queue.then(op, op);
    this.queue = next.catch(() => undefined);
    return next;
  }
}

/** Decoded into a fresh ArrayBuffer, as WebCrypto's types want. */
function bytes(base64: string): Uint8Array<ArrayBuffer> {
  return new Uint8Array(base64ToBytes(base64));
}

function aad(userId: string, tabSessionId: string): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(`parallax/key-session/v1\n${userId}\n${tabSessionId}`);
}

/** Length-prefixed fields (a zero length is a null signing key); bytes only, so it can be wiped. */
function encodeKeys(keys: UnlockedKeys): Uint8Array<ArrayBuffer> {
  const fields = [keys.encryptionKey, keys.privateKey, keys.signingPrivateKey ?? new Uint8Array(0)];
  const out = new Uint8Array(fields.reduce((n, f) => n + 1 + f.length, 0));
  let at = 0;
  for (const field of fields) {
    if (field.length > 255) throw new Error('Key too long to save');
    out[at++] = field.length;
    out.set(field, at);
    at += field.length;
  }
  return out;
}

function decodeKeys(userId: string, plain: Uint8Array): UnlockedKeys {
  const fields: Uint8Array[] = [];
  let at = 0;
  for (let i = 0; i < 3; i++) {
    const length = plain[at++];
    if (length === undefined || at + length > plain.length) throw new Error('Damaged key session');
    fields.push(plain.slice(at, at + length));
    at += length;
  }
  const [encryptionKey, privateKey, signing] = fields as [Uint8Array, Uint8Array, Uint8Array];
  if (encryptionKey.length === 0 || privateKey.length === 0) throw new Error('Damaged key session');
  return {
    userId,
    encryptionKey,
    privateKey,
    signingPrivateKey: signing.length > 0 ? signing : null,
  };
}
