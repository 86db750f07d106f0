import { MemoryPinStore } from '@parallax/hub-client';
import { generateSigningKeyPair, generateUserKeyPair, pinOf } from '@parallax/identity';
import { describe, expect, it } from 'vitest';
import { LocalPinStore } from './pin-store';

function memoryStorage() {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
  };
}

const pinFor = (userId: string, verified = false) =>
  pinOf(
    {
      userId,
      organisationId: 'secretariat',
      encryptionPublicKey: generateUserKeyPair().publicKey,
      signingPublicKey: generateSigningKeyPair().publicKey,
    },
    verified,
  );

describe('the pin store (this device’s coordinator pins)', () => {
  it('keeps each user’s pins per group, and survives a new store over the same storage (a reload)', async () => {
    const storage = memoryStorage();
    const store = new LocalPinStore(storage);
    const rana = pinFor('rana', true);
    await store.save('user-a', 'group-1', { rana });
    await store.save('user-b', 'group-1', { sami: pinFor('sami') });

    const reloaded = new LocalPinStore(storage);
    expect(await reloaded.load('user-a', 'group-1')).toEqual({ rana });
    expect(reloaded.read('user-a', 'group-1')).toEqual({ rana });
    // Another user of the same browser, another group: nothing of user-a's.
    expect(Object.keys(reloaded.read('user-b', 'group-1'))).toEqual(['sami']);
    expect(reloaded.read('user-a', 'group-2')).toEqual({});
    // Public keys only, under a per-user key.
    expect([...storage.items.keys()].sort()).toEqual([
      'parallax/pins/user-a/group-1',
      'parallax/pins/user-b/group-1',
    ]);
  });

  it('drops a damaged entry instead of trusting part of it', async () => {
    const storage = memoryStorage();
    const store = new LocalPinStore(storage);
    const good = pinFor('rana', true);
    storage.setItem(
      'parallax/pins/user-a/group-1',
      JSON.stringify({
        rana: good,
        forged: { signingPublicKey: 'x', encryptionPublicKey: 'y', verified: true },
      }),
    );
    expect(store.read('user-a', 'group-1')).toEqual({ rana: good });
    storage.setItem('parallax/pins/user-a/group-1', '{not json');
    expect(store.read('user-a', 'group-1')).toEqual({});
    expect(await store.load('user-a', 'group-1')).toEqual({});
  });

  it('tells the screens when pins change, and only then', async () => {
    const store = new LocalPinStore(memoryStorage());
    let changes = 0;
    const off = store.subscribe(() => void changes++);
    const pins = { rana: pinFor('rana') };
    await store.save('user-a', 'group-1', pins);
    await store.save('user-a', 'group-1', { ...pins });
    expect(changes).toBe(1);
    await store.save('user-a', 'group-1', { rana: { ...pins.rana, verified: true } });
    expect(changes).toBe(2);
    expect(store.version).toBe(2);
    off();
    await store.save('user-a', 'group-1', {});
    expect(changes).toBe(2);
  });

  it('behaves as hub-client’s PinStore, like the in-memory one the CLI tests use', async () => {
    const pins = { rana: pinFor('rana', true) };
    for (const store of [new LocalPinStore(memoryStorage()), new MemoryPinStore()]) {
      expect(await store.load('user-a', 'group-1')).toEqual({});
      await store.save('user-a', 'group-1', pins);
      expect(await store.load('user-a', 'group-1')).toEqual(pins);
    }
  });
});
