import { em } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';

/** Mantine's default "sm" breakpoint (48em): below it the navigation is a drawer. */
export const NAVBAR_BREAKPOINT = 'sm';
const NAVBAR_BREAKPOINT_PX = 768;

/**
 * True below the navigation breakpoint (phones). Read synchronously on the
 * first render, so a phone never lays out the desktop header for a frame.
 */
export function usePhoneLayout(): boolean {
  return (
    useMediaQuery(`(max-width: ${em(NAVBAR_BREAKPOINT_PX - 1)})`, undefined, {
      getInitialValueInEffect: false,
    }) ?? false
  );
}
