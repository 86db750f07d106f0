import { beforeEach, describe, expect, it } from 'vitest';
import { bytesToBase64 } from './base64';
import {
  KEY_SESSION_ITEM,
  KeySession,
  type StoredWrappingKey,
  type WrappingKeyStore,
} from './key-session';
import { KeyStore, type UnlockedKeys } from './key-store';

/** IndexedDB stand-in: keeps the CryptoKey objects as they are (as a structured clone would). */
class MemoryWrappingKeys implements WrappingKeyStore {
  readonly map = new Map<string, StoredWrappingKey>();
  get(id: string) {
    return Promise.resolve(this.map.get(id));
  }
  set(id: string, value: StoredWrappingKey) {
    this.map.set(id, value);
    return Promise.resolve();
  }
  delete(id: string) {
    this.map.delete(id);
    return Promise.resolve();
  }
  entries() {
    return Promise.resolve([...this.map.entries()]);
  }
}

/** One tab's sessionStorage. */
class MemoryStorage {
  readonly items = new Map<string, string>();
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.items.set(key, value);
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
}

const fill = (n: number, byte: number) => new Uint8Array(n).fill(byte);

function sampleKeys(userId = 'user-a'): UnlockedKeys {
  // Distinct, recognisable bytes, so the test can look for them in storage.
  return {
    userId,
    encryptionKey: Uint8Array.from({ length: 32 }, (_, i) => 0x40 + i),
    privateKey: Uint8Array.from({ length: 32 }, (_, i) => 0x90 + i),
    signingPrivateKey: Uint8Array.from({ length: 32 }, (_, i) => 0xc0 + (i % 32)),
  };
}

let idb: MemoryWrappingKeys;
let tab: MemoryStorage;
let now: number;
const session = () =>
  new KeySession({ wrappingKeys: idb, storage: tab, staleAfterMs: 60_000, now: () => now });

beforeEach(() => {
  idb = new MemoryWrappingKeys();
  tab = new MemoryStorage();
  now = 1_000_000;
});

describe('KeySession', () => {
  it('restores the keys in a new instance (a reload of the same tab)', async () => {
    const keys = sampleKeys();
    await session().save(keys);
    const restored = await session().restore('user-a');
    expect(restored).toEqual(sampleKeys());
  });

  it('restores through a new KeyStore, without the password', async () => {
    const tabSession = session();
    new KeyStore(tabSession).set(sampleKeys());
    await tabSession.settled();
    const reloaded = new KeyStore(session());
    expect(reloaded.isRestoring()).toBe(true);
    expect(await reloaded.restore('user-a')).toBe(true);
    expect(reloaded.getSnapshot()?.privateKey).toEqual(sampleKeys().privateKey);
    expect(reloaded.isRestoring()).toBe(false);
  });

  it('does not restore for another user, and deletes what it held', async () => {
    await session().save(sampleKeys('user-a'));
    expect(await session().restore('user-b')).toBeNull();
    expect(tab.items.size).toBe(0);
    expect(idb.map.size).toBe(0);
    expect(await session().restore('user-a')).toBeNull();
  });

  it('binds the blob to its user: a relabelled blob does not decrypt', async () => {
    await session().save(sampleKeys('user-a'));
    const blob = JSON.parse(tab.items.get(KEY_SESSION_ITEM) ?? '{}') as Record<string, unknown>;
    tab.setItem(KEY_SESSION_ITEM, JSON.stringify({ ...blob, userId: 'user-b' }));
    expect(await session().restore('user-b')).toBeNull();
    expect(idb.map.size).toBe(0);
  });

  it('locking (sign-out, session end, lock now) deletes the blob and the wrapping key', async () => {
    const tabSession = session();
    const store = new KeyStore(tabSession);
    store.set(sampleKeys());
    await tabSession.settled();
    expect(tab.items.size).toBe(1);
    expect(idb.map.size).toBe(1);
    await store.lock();
    expect(tab.items.size).toBe(0);
    expect(idb.map.size).toBe(0);
    expect(await new KeyStore(session()).restore('user-a')).toBe(false);
  });

  it('a new tab (its own sessionStorage) finds nothing to restore', async () => {
    await session().save(sampleKeys());
    tab = new MemoryStorage();
    expect(await session().restore('user-a')).toBeNull();
  });

  it('makes a wrapping key that cannot be exported', async () => {
    await session().save(sampleKeys());
    const [[, stored]] = [...idb.map.entries()] as [[string, StoredWrappingKey]];
    expect(stored.key.extractable).toBe(false);
    expect(stored.key.algorithm).toMatchObject({ name: 'AES-GCM', length: 256 });
    await expect(crypto.subtle.exportKey('raw', stored.key)).rejects.toThrow();
    await expect(crypto.subtle.exportKey('jwk', stored.key)).rejects.toThrow();
  });

  it('keeps no raw key bytes in sessionStorage', async () => {
    const keys = sampleKeys();
    await session().save(keys);
    const text = tab.items.get(KEY_SESSION_ITEM) ?? '';
    const blob = JSON.parse(text) as { ct: string };
    const raw = atob(blob.ct);
    for (const secret of [keys.encryptionKey, keys.privateKey, keys.signingPrivateKey ?? fill(32, 1)]) {
      const b64 = bytesToBase64(secret);
      expect(text).not.toContain(b64);
      expect(text).not.toContain(b64.slice(0, 16));
      expect(raw).not.toContain(String.fromCharCode(...secret.subarray(0, 8)));
    }
  });

  it('a password change saves under a fresh wrapping key and tab session', async () => {
    const tabSession = session();
    const store = new KeyStore(tabSession);
    store.set(sampleKeys());
    await tabSession.settled();
    const [oldId] = [...idb.map.keys()];
    store.set({ ...sampleKeys(), encryptionKey: fill(32, 7) });
    await tabSession.settled();
    expect(idb.map.has(oldId ?? '')).toBe(false);
    expect(oldId).toBeDefined();
    expect(idb.map.size).toBe(1);
    expect((await session().restore('user-a'))?.encryptionKey).toEqual(fill(32, 7));
  });

  it('a missing wrapping key drops the blob; a stale orphaned one is swept at start', async () => {
    await session().save(sampleKeys());
    idb.map.clear();
    expect(await session().restore('user-a')).toBeNull();
    expect(tab.items.size).toBe(0);

    const closedTab = new MemoryStorage();
    await new KeySession({ wrappingKeys: idb, storage: closedTab, staleAfterMs: 60_000, now: () => now }).save(sampleKeys());
    await session().save(sampleKeys());
    expect(idb.map.size).toBe(2);
    now += 61_000;
    await session().touch();
    await session().sweep();
    expect(idb.map.size).toBe(1);
    expect(await session().restore('user-a')).not.toBeNull();
  });

  it('keeps a null signing key null', async () => {
    await session().save({ ...sampleKeys(), signingPrivateKey: null });
    expect((await session().restore('user-a'))?.signingPrivateKey).toBeNull();
  });
});
