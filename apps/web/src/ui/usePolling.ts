import { useEffect, useRef } from 'react';

/** How often lists that people wait on (overlaps, notifications) are refreshed. */
export const POLL_MS = 3_000;

/**
 * Calls `refresh` every `intervalMs` while the tab is visible, and at once
 * when it becomes visible again: a hidden tab costs nothing on a metered
 * connection, and a returning user sees fresh data straight away.
 */
export function usePolling(refresh: () => void, intervalMs = POLL_MS, enabled = true): void {
  const latest = useRef(refresh);
  useEffect(() => {
    latest.current = refresh;
  }, [refresh]);
  useEffect(() => {
    if (!enabled) return;
    let timer: number | undefined;
    const start = () => {
      if (timer === undefined) timer = window.setInterval(() => latest.current(), intervalMs);
    };
    const stop = () => {
      if (timer !== undefined) window.clearInterval(timer);
      timer = undefined;
    };
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') stop();
      else {
        latest.current();
        start();
      }
    };
    if (document.visibilityState !== 'hidden') start();
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      stop();
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [intervalMs, enabled]);
}
