import { useEffect, useRef } from 'react';

/**
 * Moves focus to an element (a step's heading, with tabIndex -1) when it
 * appears, so keyboard and screen-reader users land on the new step.
 */
export function useFocusOnMount<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return ref;
}
