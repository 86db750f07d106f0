import { randomBytes, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { Actor } from '@parallax/authz';
import { ErrorCode } from '@parallax/domain';
import type { KdfParams } from '@parallax/identity';
import { DataSource, type EntityManager } from 'typeorm';
import { assertCan, readable } from '../../common/authorization/policy.js';
import { hashLoginKey } from '../../common/crypto/login-verifier.js';
import { runAsTenant } from '../../common/tenant/tenant-transaction.js';
import { AuditService } from '../audit/audit.service.js';
import { SessionService } from '../auth/session.service.js';
import { totpFor, TotpService } from '../auth/totp.service.js';
import type { UserEntity, UserRole } from './user.entity.js';
import { UsersRepository, type ForgottenKeyTrust } from './users.repository.js';
import { UsersException } from './users.exception.js';
import { assertKeySizes } from './sealed-keys.js';

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
  /** Ed25519: certificates and epoch commitments are signed with it. */
  signingPublicKey: Uint8Array;
  encryptedSigningKey: Uint8Array;
}

export interface ReplacedCredentials {
  kdfSalt: Uint8Array;
  kdfParams: KdfParams;
  /** Slow hash of the new login key. */
  loginVerifier: string;
  publicKey: Uint8Array;
  encryptedPrivateKey: Uint8Array;
  signingPublicKey: Uint8Array;
  encryptedSigningKey: Uint8Array;
  sealedTotpSecret: Buffer;
  totpStep: number;
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
    throw new UsersException(ErrorCode.BadUserInput, 'Enter a valid e-mail address', {
      field: 'email',
    });
  }
  return e;
}

export function normaliseDisplayName(name: string): string {
  const n = name.trim();
  if (n.length === 0 || n.length > 200) {
    throw new UsersException(
      ErrorCode.BadUserInput,
      'Enter a display name of at most 200 characters',
      {
        field: 'displayName',
      },
    );
  }
  return n;
}

@Injectable()
export class UsersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly totp: TotpService,
    private readonly sessions: SessionService,
    private readonly repository: UsersRepository,
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
    /** Seals the new account's TOTP seed bound to its id (known only here, before the insert). */
    sealTotp: (userId: string) => Buffer,
    actorUserId: string | null,
  ): Promise<UserEntity> {
    const email = normaliseEmail(input.email);
    const displayName = normaliseDisplayName(input.displayName);
    assertKeySizes(input);
    const verifier = await hashLoginKey(input.loginKey);
    if (await this.repository.emailExists(manager, email)) {
      throw new UsersException(ErrorCode.EmailTaken, 'An account with this e-mail already exists', {
        field: 'email',
      });
    }
    const id = randomUUID();
    const user = await this.repository.insert(manager, {
      id,
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
      signingPublicKey: Buffer.from(input.signingPublicKey),
      encryptedSigningKey: Buffer.from(input.encryptedSigningKey),
      totpSecret: sealTotp(id),
    });
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
  async createAccount(
    input: NewAccountCredentials,
    actorUserId: string | null,
  ): Promise<TotpEnrolment> {
    const secret = randomBytes(20);
    const user = await this.dataSource.transaction((m) =>
      this.insertAccount(m, input, (id) => this.totp.seal(secret, id), actorUserId),
    );
    const totp = totpFor(secret, user.email);
    return { userId: user.id, totpSecret: totp.secret.base32, otpauthUri: totp.toString() };
  }

  async listForOrganisation(actor: Actor, organisationId: string): Promise<UserEntity[]> {
    const users = await runAsTenant(this.dataSource, actor, (m) =>
      this.repository.listByOrganisation(m, organisationId),
    );
    return readable(actor, 'User', users);
  }

  async changeRole(actor: Actor, userId: string, role: UserRole): Promise<UserEntity> {
    return runAsTenant(this.dataSource, actor, async (m) => {
      const user = await this.repository.findById(m, userId, { lock: true });
      assertCan(actor, 'update', 'User', user);
      if (user.organisationId === null)
        throw new UsersException(ErrorCode.BadUserInput, 'Platform admins have no role');
      if (user.role === 'org_admin' && role !== 'org_admin') await this.assertAnotherAdmin(m, user);
      await this.repository.setRole(m, user.id, role);
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
      const user = await this.repository.findById(m, userId, { lock: true });
      assertCan(actor, 'disable', 'User', user);
      if (user.disabledAt) return user;
      if (user.role === 'org_admin') await this.assertAnotherAdmin(m, user);
      const now = new Date();
      await this.repository.update(m, user.id, { disabledAt: now });
      await this.sessions.revokeAllOf(m, user.id);
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

  /** Whether anyone has an account in the organisation (then a platform admin no longer invites into it). */
  organisationHasUsers(m: EntityManager, organisationId: string): Promise<boolean> {
    return this.repository.organisationHasUsers(m, organisationId);
  }

  /** For another module's transaction; that module applies the policy to what it reads. */
  findById(
    m: EntityManager,
    id: string,
    options: { lock?: boolean } = {},
  ): Promise<UserEntity | null> {
    return this.repository.findById(m, id, options);
  }

  /**
   * A reset link: the member chose a new password (new keys) and enrolled a
   * new authenticator, whose first code `totpStep` they just used. What was
   * bound to the old keys (grants, certificates) is deleted in the same
   * transaction; the caller audits the returned counts with the reset.
   */
  async replaceCredentials(
    m: EntityManager,
    userId: string,
    credentials: ReplacedCredentials,
  ): Promise<ForgottenKeyTrust> {
    assertKeySizes(credentials);
    await this.repository.update(m, userId, {
      kdfSalt: Buffer.from(credentials.kdfSalt),
      kdfParams: { ...credentials.kdfParams },
      loginVerifier: credentials.loginVerifier,
      publicKey: Buffer.from(credentials.publicKey),
      encryptedPrivateKey: Buffer.from(credentials.encryptedPrivateKey),
      signingPublicKey: Buffer.from(credentials.signingPublicKey),
      encryptedSigningKey: Buffer.from(credentials.encryptedSigningKey),
      totpSecret: credentials.sealedTotpSecret,
      totpLastStep: String(credentials.totpStep),
      totpFailures: 0,
      lockedUntil: null,
    });
    return this.repository.forgetKeyTrust(m, userId);
  }

  /**
   * Upgrade of an account made before signing keys: the client made a
   * signing key pair at unlock. Allowed once: a key change otherwise goes
   * through a password reset, which re-certification follows.
   */
  async setSigningKey(
    actor: Actor,
    signingPublicKey: Uint8Array,
    encryptedSigningKey: Uint8Array,
  ): Promise<void> {
    if (signingPublicKey.length !== 32 || encryptedSigningKey.length < 33) {
      throw new UsersException(
        ErrorCode.BadUserInput,
        'A signing key is 32 bytes and its sealed private half at least 33',
      );
    }
    await runAsTenant(this.dataSource, actor, async (m) => {
      const set = await this.repository.setSigningKeyIfNone(
        m,
        actor.userId,
        Buffer.from(signingPublicKey),
        Buffer.from(encryptedSigningKey),
      );
      if (!set) {
        throw new UsersException(ErrorCode.SigningKeyExists, 'This account already has a signing key');
      }
      await this.audit.record(m, {
        actorUserId: actor.userId,
        organisationId: actor.organisationId,
        action: 'user.set_signing_key',
        subjectType: 'user',
        subjectId: actor.userId,
        change: { signingPublicKey: Buffer.from(signingPublicKey).toString('base64') },
      });
    });
  }

  /** The step of the code a new account proved its authenticator with, so it cannot be replayed. */
  recordTotpStep(m: EntityManager, userId: string, step: number): Promise<void> {
    return this.repository.update(m, userId, { totpLastStep: String(step) });
  }

  private async assertAnotherAdmin(m: EntityManager, user: UserEntity): Promise<void> {
    const admins = user.organisationId
      ? await this.repository.countActiveAdmins(m, user.organisationId)
      : 0;
    if (admins <= 1) {
      throw new UsersException(
        ErrorCode.LastAdmin,
        'An organisation keeps at least one active admin',
      );
    }
  }
}
