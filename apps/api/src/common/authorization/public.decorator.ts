import { SetMetadata } from '@nestjs/common';

export const AUTHORIZATION_KEY = 'parallax:authorization';

/**
 * How an operation is guarded before its service applies the policy:
 * - public: anyone (the reason is written down);
 * - authenticated: a live session; the service then checks the CASL policy;
 * - step-up: as authenticated, plus a TOTP code re-entered in the last minutes.
 */
export type AuthorizationMetadata =
  | { kind: 'public'; reason: string }
  | { kind: 'authenticated' }
  | { kind: 'step-up' };

/** Open to anyone, with the reason written down. */
export const Public = (reason: string) =>
  SetMetadata(AUTHORIZATION_KEY, { kind: 'public', reason } satisfies AuthorizationMetadata);

/** Needs a session; the service checks the policy on the objects involved. */
export const Authenticated = () =>
  SetMetadata(AUTHORIZATION_KEY, { kind: 'authenticated' } satisfies AuthorizationMetadata);

/** Needs a session with a recent second factor (sensitive actions). */
export const StepUp = () => SetMetadata(AUTHORIZATION_KEY, { kind: 'step-up' } satisfies AuthorizationMetadata);

export const OPEN_TO_DONORS_KEY = 'parallax:open-to-donors';

/**
 * Lets a donor account call this operation as well. Donors fund working
 * groups; they see published metrics and manage their own account, nothing
 * else. So their reach is deny-by-default: the AuthGuard refuses a donor any
 * operation without this mark, whatever its policy would answer, and a new
 * operation stays closed to them until someone decides otherwise (the list of
 * marked operations is pinned in resolvers.spec.ts). Public operations need
 * no mark: they are open to everyone.
 */
export const OpenToDonors = () => SetMetadata(OPEN_TO_DONORS_KEY, true);
