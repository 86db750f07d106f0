import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { ErrorCode } from '@parallax/domain';
import { Secret, TOTP } from 'otpauth';
import { DataSource } from 'typeorm';
import { hashLoginKey } from '../../common/crypto/login-verifier.js';
import { RUNTIME, type Runtime } from '../../common/runtime.js';
import { AuditService } from '../audit/audit.service.js';
import { UserEntity, type UserRole } from './user.entity.js';
import { UsersException } from './users.exception.js';

export const TOTP_PURPOSE = 'totp-secret';

export interface NewAccountCredentials {
  email: string;
  /** Omitted for a platform admin, who belongs to no organisation. */
  membership?: { organisationId: string; role: UserRole };
  displayName: string;
  kdfSalt: Uint8Array;
  kdfParams: Record<string, unknown>;
  loginKey: Uint8Array;
  publicKey: Uint8Array;
  encryptedPrivateKey: Uint8Array;
}

export interface TotpEnrolment {
  userId: string;
  totpSecret: string;
  otpauthUri: string;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function normaliseEmail(email: string): string {
  const e = email.trim().toLowerCase();
  if (!EMAIL.test(e) || e.length > 320) {
    throw new UsersException(ErrorCode.BadUserInput, 'Enter a valid e-mail address', { field: 'email' });
  }
  return e;
}

@Injectable()
export class UsersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    @Inject(RUNTIME) private readonly runtime: Runtime,
  ) {}

  /**
   * Creates an account (a platform admin when no membership is given). The
   * caller, acting as the client, derived the credentials from the password;
   * the server sees only the login key, which it stores as a slow hash, and
   * the encrypted private key. Returns the new TOTP secret, shown once.
   */
  async createAccount(input: NewAccountCredentials, actorUserId: string | null): Promise<TotpEnrolment> {
    const email = normaliseEmail(input.email);
    const displayName = input.displayName.trim();
    if (displayName.length === 0 || displayName.length > 200) {
      throw new UsersException(ErrorCode.BadUserInput, 'Enter a display name of at most 200 characters', {
        field: 'displayName',
      });
    }
    if (input.publicKey.length !== 32) {
      throw new UsersException(ErrorCode.BadUserInput, 'The public key must be 32 bytes');
    }
    const verifier = await hashLoginKey(input.loginKey);
    const secret = new Secret({ buffer: randomBytes(20).buffer as ArrayBuffer });

    return this.dataSource.transaction(async (manager) => {
      const taken = await manager.exists(UserEntity, { where: { email } });
      if (taken) throw new UsersException(ErrorCode.Conflict, 'An account with this e-mail already exists');
      const user = await manager.save(
        manager.create(UserEntity, {
          email,
          displayName,
          isPlatformAdmin: !input.membership,
          organisationId: input.membership?.organisationId ?? null,
          role: input.membership?.role ?? null,
          kdfSalt: Buffer.from(input.kdfSalt),
          kdfParams: input.kdfParams,
          loginVerifier: verifier,
          publicKey: Buffer.from(input.publicKey),
          encryptedPrivateKey: Buffer.from(input.encryptedPrivateKey),
          totpSecret: this.runtime.secretBox.seal(new Uint8Array(secret.buffer), TOTP_PURPOSE),
        }),
      );
      await this.audit.record(manager, {
        actorUserId,
        organisationId: user.organisationId,
        action: user.isPlatformAdmin ? 'user.create_platform_admin' : 'user.create',
        subjectType: 'user',
        subjectId: user.id,
        change: { email, displayName, isPlatformAdmin: user.isPlatformAdmin, role: user.role },
      });
      const totp = new TOTP({ issuer: 'Parallax', label: email, secret, digits: 6, period: 30 });
      return { userId: user.id, totpSecret: secret.base32, otpauthUri: totp.toString() };
    });
  }
}
