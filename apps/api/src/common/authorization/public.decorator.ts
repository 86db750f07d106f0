import { SetMetadata } from '@nestjs/common';

export const AUTHORIZATION_KEY = 'parallax:authorization';

export interface AuthorizationMetadata {
  kind: 'public';
  reason: string;
}

/**
 * Marks an operation as open to anyone, with the reason written down. Every
 * resolver method must declare its authorization (public or a policy check);
 * a test walks the schema and fails on any operation that declares none.
 */
export const Public = (reason: string) =>
  SetMetadata(AUTHORIZATION_KEY, { kind: 'public', reason } satisfies AuthorizationMetadata);
