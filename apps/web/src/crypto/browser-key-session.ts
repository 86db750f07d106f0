import { KEY_IDLE_LOCK_MS } from './idle-lock';
import { IdbWrappingKeys } from './idb-wrapping-keys';
import { KeySession } from './key-session';

/** A tab idle this long has locked itself; a little more, and its wrapping key is an orphan. */
const STALE_AFTER_MS = KEY_IDLE_LOCK_MS + 10 * 60_000;

/**
 * The browser's key session (sessionStorage + IndexedDB + WebCrypto), or
 * null where one is missing (then keys live in memory only, and a reload
 * asks the password). Sweeps orphaned wrapping keys once, at start.
 */
export function browserKeySession(): KeySession | null {
  if (
    typeof indexedDB === 'undefined' ||
    typeof sessionStorage === 'undefined' ||
    !globalThis.crypto?.subtle
  )
    return null;
  const session = new KeySession({
    wrappingKeys: new IdbWrappingKeys(),
    storage: sessionStorage,
    staleAfterMs: STALE_AFTER_MS,
  });
  session.sweep().catch(() => undefined);
  return session;
}
