import { useEffect } from 'react';
import type { KeyStore } from './key-store';

/** Unlocked keys lock themselves after this long without a key press or click in the tab. */
export const KEY_IDLE_LOCK_MS = 30 * 60_000;

/** How often activity refreshes the saved copy's "alive" mark (other tabs sweep stale ones). */
const TOUCH_EVERY_MS = 5 * 60_000;

const CHECK_EVERY_MS = 60_000;

const ACTIVITY = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const;

/**
 * Locks the keys (and deletes this tab's saved copy) after KEY_IDLE_LOCK_MS
 * of inactivity: an unlocked tab left open on a shared desk does not stay
 * unlocked all day. Checked every minute, and when the tab becomes visible.
 */
export function useIdleKeyLock(keyStore: KeyStore, idleMs = KEY_IDLE_LOCK_MS): void {
  useEffect(() => {
    let lastActive = Date.now();
    let lastTouch = 0;
    const onActivity = () => {
      lastActive = Date.now();
      if (lastActive - lastTouch >= TOUCH_EVERY_MS) {
        lastTouch = lastActive;
        keyStore.touch();
      }
    };
    const check = () => {
      if (Date.now() - lastActive >= idleMs && keyStore.getSnapshot()) void keyStore.lock();
    };
    const onVisibility = () => {
      if (document.visibilityState === 'visible') check();
    };
    for (const event of ACTIVITY) window.addEventListener(event, onActivity, { passive: true });
    document.addEventListener('visibilitychange', onVisibility);
    const timer = window.setInterval(check, CHECK_EVERY_MS);
    return () => {
      for (const event of ACTIVITY) window.removeEventListener(event, onActivity);
      document.removeEventListener('visibilitychange', onVisibility);
      window.clearInterval(timer);
    };
  }, [keyStore, idleMs]);
}
