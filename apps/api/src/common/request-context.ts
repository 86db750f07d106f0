import type { Actor } from '@parallax/authz';
import type { Request, Response } from 'express';

export interface AuthState {
  actor: Actor;
  sessionId: string;
  stepUpAt: Date | null;
}

/** The GraphQL context: set up per request, `auth` filled by the AuthGuard. */
export interface GqlContext {
  req: Request;
  res: Response;
  auth?: AuthState | undefined;
  authLookup?: Promise<AuthState | undefined>;
}
