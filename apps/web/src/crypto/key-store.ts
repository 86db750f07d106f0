import { openPrivateKey, openSigningKey } from '@parallax/identity';
import { createContext, useContext, useSyncExternalStore } from 'react';
import { base64ToBytes } from './base64';
import type { KeySession } from './key-session';

/** How long a reload waits for the saved keys before asking the password instead. */
const RESTORE_TIMEOUT_MS = 5_000;

export interface UnlockedKeys {
  userId: string;
  /** Derived from the password; re-seals the private key on a password change. */
  encryptionKey: Uint8Array;
  /** The user's X25519 private key: opens working-group keys. */
  privateKey: Uint8Array;
  /**
   * The user's Ed25519 private key: signs key certificates and epoch
   * commitments. Null until opened, or, for an account made before signing
   * keys existed, until SigningKeySetup has made and registered one.
   */
  signingPrivateKey: Uint8Array | null;
}

/**
 * The user's secrets, in memory. With a KeySession (the browser app), they
 * also survive a reload of this tab, encrypted under a non-extractable key
 * (see key-session.ts); never in plain in any storage. Closing the tab,
 * locking, signing out or the session ending locks them, and the
 * "Unlock keys" prompt asks the password again.
 */
export class KeyStore {
  private keys: UnlockedKeys | null = null;
  private restoring: boolean;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly session: KeySession | null = null) {
    // Known at once, so the password prompt does not flash before a restore.
    this.restoring = session?.hasSaved() ?? false;
  }

  readonly getSnapshot = (): UnlockedKeys | null => this.keys;

  /** True while keys saved by this tab may still be restored: no password prompt yet. */
  readonly isRestoring = (): boolean => this.restoring;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Opens the sealed private keys; throws if the encryption key does not fit. */
  unlock(
    userId: string,
    encryptionKey: Uint8Array,
    encryptedPrivateKey: string,
    encryptedSigningKey: string | null = null,
  ): void {
    const privateKey = openPrivateKey(base64ToBytes(encryptedPrivateKey), encryptionKey);
    let signingPrivateKey: Uint8Array | null = null;
    try {
      signingPrivateKey = encryptedSigningKey
        ? openSigningKey(base64ToBytes(encryptedSigningKey), encryptionKey)
        : null;
    } catch (error) {
      privateKey.fill(0);
      throw error;
    }
    this.set({ userId, encryptionKey, privateKey, signingPrivateKey });
  }

  /** Adds the signing key to keys already unlocked (opened later, or just made for an older account). */
  setSigningKey(userId: string, signingPrivateKey: Uint8Array): void {
    if (this.keys?.userId !== userId) {
      signingPrivateKey.fill(0);
      return;
    }
    this.set({ ...this.keys, signingPrivateKey });
  }

  set(keys: UnlockedKeys): void {
    // A new encryption key for the same user is a password change: a fresh wrapping key too.
    const fresh = this.keys?.userId === keys.userId && this.keys.encryptionKey !== keys.encryptionKey;
    // A password change keeps the private key: wipe only what is replaced.
    if (this.keys && this.keys.encryptionKey !== keys.encryptionKey)
      this.keys.encryptionKey.fill(0);
    if (this.keys && this.keys.privateKey !== keys.privateKey) this.keys.privateKey.fill(0);
    if (this.keys?.signingPrivateKey && this.keys.signingPrivateKey !== keys.signingPrivateKey)
      this.keys.signingPrivateKey.fill(0);
    this.keys = keys;
    this.restoring = false;
    this.emit();
    // Best effort: where it fails (no IndexedDB), a reload asks the password as before.
    this.session?.save(keys, fresh).catch(() => undefined);
  }

  /**
   * Puts back the keys this tab saved for `userId` (after a reload); true if
   * it did. Keys of anyone else are deleted, not restored.
   */
  async restore(userId: string): Promise<boolean> {
    if (!this.session || this.keys) return this.finishRestoring(this.keys?.userId === userId);
    // A stuck IndexedDB must not hide the password prompt for good: past the limit, ask it.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<null>((resolve) => {
      timer = setTimeout(() => resolve(null), RESTORE_TIMEOUT_MS);
    });
    const keys = await Promise.race([this.session.restore(userId).catch(() => null), late]);
    clearTimeout(timer);
    // Unlocked (or locked) meanwhile: what happened since wins.
    if (keys && !this.keys && this.restoring) {
      this.keys = keys;
      this.restoring = false;
      this.emit();
      return true;
    }
    if (keys) wipeKeys(keys);
    return this.finishRestoring(false);
  }

  /** Wipes the keys from memory and deletes this tab's saved copy; resolves once it is gone. */
  lock(): Promise<void> {
    if (this.keys || this.restoring) {
      this.wipe();
      this.keys = null;
      this.restoring = false;
      this.emit();
    }
    return this.session?.clear().catch(() => undefined) ?? Promise.resolve();
  }

  /** Tells the saved copy this tab is in use (other tabs sweep copies left idle). */
  touch(): void {
    if (this.keys) this.session?.touch().catch(() => undefined);
  }

  private finishRestoring(result: boolean): boolean {
    if (this.restoring) {
      this.restoring = false;
      this.emit();
    }
    return result;
  }

  private wipe(): void {
    if (this.keys) wipeKeys(this.keys);
  }

  private emit(): void {
    for (const listener of [...this.listeners]) listener();
  }
}

function wipeKeys(keys: UnlockedKeys): void {
  keys.encryptionKey.fill(0);
  keys.privateKey.fill(0);
  keys.signingPrivateKey?.fill(0);
}

export const KeyStoreContext = createContext<KeyStore | null>(null);

export function useKeyStore(): KeyStore {
  const store = useContext(KeyStoreContext);
  if (!store) throw new Error('KeyStoreContext is not provided.');
  return store;
}

/** Whether saved keys may still come back without the password (after a reload). */
export function useKeysRestoring(): boolean {
  const store = useKeyStore();
  return useSyncExternalStore(store.subscribe, store.isRestoring);
}

/** The unlocked keys of `userId`, or null while they are locked. */
export function useUnlockedKeys(userId: string | undefined): UnlockedKeys | null {
  const store = useKeyStore();
  const keys = useSyncExternalStore(store.subscribe, store.getSnapshot);
  return keys && keys.userId === userId ? keys : null;
}
