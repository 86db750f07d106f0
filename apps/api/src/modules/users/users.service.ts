import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { Actor } from '@parallax/authz';
import { ErrorCode } from '@parallax/domain';
import type { KdfParams } from '@parallax/identity';
import { DataSource, IsNull, type EntityManager } from 'typeorm';
import { assertCan, readable } from '../../common/authorization/policy.js';
import { hashLoginKey } from '../../common/crypto/login-verifier.js';
import { runAsTenant } from '../../common/tenant/tenant-transaction.js';
import { AuditService } from '../audit/audit.service.js';
import { totpFor, TotpService } from '../auth/totp.service.js';
import { UserEntity, type UserRole } from './user.entity.js';
import { UsersException } from './users.exception.js';

export interface NewAccountCredentials {
  email: string;
  displayName: string;
  /** Omitted for a platform admin, who belongs to no organisation. */
  membership?: { organisationId: string; role: UserRole };
  kdfSalt: Uint8Array;
  kdfParams: KdfParams;
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

export function normaliseDisplayName(name: string): string {
  const n = name.trim();
  if (n.length === 0 || n.length > 200) {
    throw new UsersException(ErrorCode.BadUserInput, 'Enter a display name of at most 200 characters', {
      field: 'displayName',
    });
  }
  return n;
}

@Injectable()
export class UsersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly totp: TotpService,
  ) {}

  /**
   * Inserts an account in the caller's transaction, with its audit entry.
   * The caller, acting as the client, derived the credentials from the
   * password: the server sees only the login key (kept as a slow hash) and
   * the sealed private key.
   */
  async insertAccount(
    manager: EntityManager,
    input: NewAccountCredentials,
    sealedTotpSecret: Buffer,
    actorUserId: string | null,
  ): Promise<UserEntity> {
    const email = normaliseEmail(input.email);
    const displayName = normaliseDisplayName(input.displayName);
    if (input.publicKey.length !== 32) {
      throw new UsersException(ErrorCode.BadUserInput, 'The public key must be 32 bytes');
    }
    const verifier = await hashLoginKey(input.loginKey);
    if (await manager.exists(UserEntity, { where: { email } })) {
      throw new UsersException(ErrorCode.Conflict, 'An account with this e-mail already exists');
    }
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
        totpSecret: sealedTotpSecret,
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
    return user;
  }

  /** For the CLI and the demo seed: creates the account and a fresh TOTP secret, shown once. */
  async createAccount(input: NewAccountCredentials, actorUserId: string | null): Promise<TotpEnrolment> {
    const secret = randomBytes(20);
    const user = await this.dataSource.transaction((m) =>
      this.insertAccount(m, input, this.totp.seal(secret), actorUserId),
    );
    const totp = totpFor(secret, user.email);
    return { userId: user.id, totpSecret: totp.secret.base32, otpauthUri: totp.toString() };
  }

  async listForOrganisation(actor: Actor, organisationId: string): Promise<UserEntity[]> {
    const users = await runAsTenant(this.dataSource, actor, (m) =>
      m.getRepository(UserEntity).find({ where: { organisationId }, order: { displayName: 'ASC' } }),
    );
    return readable(actor, 'User', users);
  }

  async changeRole(actor: Actor, userId: string, role: UserRole): Promise<UserEntity> {
    return runAsTenant(this.dataSource, actor, async (m) => {
      const user = await m.getRepository(UserEntity).findOne({ where: { id: userId }, lock: { mode: 'pessimistic_write' } });
      assertCan(actor, 'update', 'User', user);
      if (user.organisationId === null) throw new UsersException(ErrorCode.BadUserInput, 'Platform admins have no role');
      if (user.role === 'org_admin' && role !== 'org_admin') await this.assertAnotherAdmin(m, user);
      await m.update(UserEntity, { id: user.id }, { role });
      await this.audit.record(m, {
        actorUserId: actor.userId,
        organisationId: user.organisationId,
        action: 'user.change_role',
        subjectType: 'user',
        subjectId: user.id,
        change: { from: user.role, to: role },
      });
      return { ...user, role };
    });
  }

  /** Disables an account and revokes its sessions at once. */
  async disable(actor: Actor, userId: string): Promise<UserEntity> {
    return runAsTenant(this.dataSource, actor, async (m) => {
      const user = await m.getRepository(UserEntity).findOne({ where: { id: userId }, lock: { mode: 'pessimistic_write' } });
      assertCan(actor, 'disable', 'User', user);
      if (user.disabledAt) return user;
      if (user.role === 'org_admin') await this.assertAnotherAdmin(m, user);
      const now = new Date();
      await m.update(UserEntity, { id: user.id }, { disabledAt: now });
      // The session table is the user's own under row-level security, so the
      // revocation runs through a narrow definer-rights function.
      await m.query('SELECT revoke_user_sessions($1)', [user.id]);
      await this.audit.record(m, {
        actorUserId: actor.userId,
        organisationId: user.organisationId,
        action: 'user.disable',
        subjectType: 'user',
        subjectId: user.id,
        change: { sessionsRevoked: true },
      });
      return { ...user, disabledAt: now };
    });
  }

  private async assertAnotherAdmin(m: EntityManager, user: UserEntity): Promise<void> {
    const admins = await m.count(UserEntity, {
      where: { organisationId: user.organisationId ?? undefined, role: 'org_admin', disabledAt: IsNull() },
    });
    if (admins <= 1) {
      throw new UsersException(ErrorCode.Conflict, 'An organisation keeps at least one active admin');
    }
  }
}
