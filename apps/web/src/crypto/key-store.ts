import { openPrivateKey, openSigningKey } from '@parallax/identity';
import { createContext, useContext, useSyncExternalStore } from 'react';
import { base64ToBytes } from './base64';

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
 * The user's secrets, in memory only: never in localStorage, sessionStorage
 * or IndexedDB, so closing or reloading the tab locks them. A reload keeps
 * the session cookie, hence the "Unlock keys" prompt that asks the password.
 */
export class KeyStore {
  private keys: UnlockedKeys | null = null;
  private readonly listeners = new Set<() => void>();

  readonly getSnapshot = (): UnlockedKeys | null => this.keys;

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
    // A password change keeps the private key: wipe only what is replaced.
    if (this.keys && this.keys.encryptionKey !== keys.encryptionKey)
      this.keys.encryptionKey.fill(0);
    if (this.keys && this.keys.privateKey !== keys.privateKey) this.keys.privateKey.fill(0);
    if (this.keys?.signingPrivateKey && this.keys.signingPrivateKey !== keys.signingPrivateKey)
      this.keys.signingPrivateKey.fill(0);
    this.keys = keys;
    this.emit();
  }

  lock(): void {
    if (!this.keys) return;
    this.wipe();
    this.keys = null;
    this.emit();
  }

  private wipe(): void {
    this.keys?.encryptionKey.fill(0);
    this.keys?.privateKey.fill(0);
    this.keys?.signingPrivateKey?.fill(0);
  }

  private emit(): void {
    for (const listener of [...this.listeners]) listener();
  }
}

export const KeyStoreContext = createContext<KeyStore | null>(null);

export function useKeyStore(): KeyStore {
  const store = useContext(KeyStoreContext);
  if (!store) throw new Error('KeyStoreContext is not provided.');
  return store;
}

/** The unlocked keys of `userId`, or null while they are locked. */
export function useUnlockedKeys(userId: string | undefined): UnlockedKeys | null {
  const store = useKeyStore();
  const keys = useSyncExternalStore(store.subscribe, store.getSnapshot);
  return keys && keys.userId === userId ? keys : null;
}
