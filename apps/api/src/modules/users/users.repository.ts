import { Injectable } from '@nestjs/common';
import { IsNull, type EntityManager } from 'typeorm';
import type { User } from './models/user.model.js';
import { UserEntity, type UserRole } from './user.entity.js';

/** Columns a caller may change; identity and timestamps are the database's. */
export type UserPatch = Partial<Omit<UserEntity, 'id' | 'createdAt' | 'updatedAt'>>;

export type NewUser = Pick<
  UserEntity,
  | 'email'
  | 'displayName'
  | 'isPlatformAdmin'
  | 'organisationId'
  | 'role'
  | 'kdfSalt'
  | 'kdfParams'
  | 'loginVerifier'
  | 'publicKey'
  | 'encryptedPrivateKey'
  | 'signingPublicKey'
  | 'encryptedSigningKey'
  | 'totpSecret'
> & {
  /** Given when something must be bound to the id before the insert (the sealed TOTP seed). */
  id?: string;
};

/** What went with a user's old keys. */
export interface ForgottenKeyTrust {
  grantsDeleted: number;
  certificatesDeleted: number;
}

export interface FindOptions {
  /** Lock the row FOR UPDATE until the caller's transaction ends. */
  lock?: boolean;
}

export function toUser(e: UserEntity): User {
  return {
    id: e.id,
    email: e.email,
    displayName: e.displayName,
    organisationId: e.organisationId,
    role: e.role,
    isPlatformAdmin: e.isPlatformAdmin,
    disabled: e.disabledAt !== null,
    createdAt: e.createdAt,
  };
}

const lockFor = (options: FindOptions) =>
  options.lock ? { lock: { mode: 'pessimistic_write' as const } } : {};

/** The `app_user` table. Every method runs in the caller's transaction (or its plain manager). */
@Injectable()
export class UsersRepository {
  findById(m: EntityManager, id: string, options: FindOptions = {}): Promise<UserEntity | null> {
    return m.getRepository(UserEntity).findOne({ where: { id }, ...lockFor(options) });
  }

  /** `email` is already normalised (trimmed, lower-case). */
  findByEmail(
    m: EntityManager,
    email: string,
    options: FindOptions = {},
  ): Promise<UserEntity | null> {
    return m.getRepository(UserEntity).findOne({ where: { email }, ...lockFor(options) });
  }

  organisationHasUsers(m: EntityManager, organisationId: string): Promise<boolean> {
    return m.exists(UserEntity, { where: { organisationId } });
  }

  emailExists(m: EntityManager, email: string): Promise<boolean> {
    return m.exists(UserEntity, { where: { email } });
  }

  insert(m: EntityManager, user: NewUser): Promise<UserEntity> {
    return m.save(m.create(UserEntity, user));
  }

  listByOrganisation(m: EntityManager, organisationId: string): Promise<UserEntity[]> {
    return m
      .getRepository(UserEntity)
      .find({ where: { organisationId }, order: { displayName: 'ASC' } });
  }

  async update(m: EntityManager, id: string, patch: UserPatch): Promise<void> {
    await m.update(UserEntity, { id }, patch);
  }

  setRole(m: EntityManager, id: string, role: UserRole): Promise<void> {
    return this.update(m, id, { role });
  }

  /** Sets the signing key only while the account has none; false when it already had one. */
  async setSigningKeyIfNone(
    m: EntityManager,
    id: string,
    signingPublicKey: Buffer,
    encryptedSigningKey: Buffer,
  ): Promise<boolean> {
    const result = await m.update(
      UserEntity,
      { id, signingPublicKey: IsNull() },
      { signingPublicKey, encryptedSigningKey },
    );
    return (result.affected ?? 0) > 0;
  }

  /**
   * Deletes what was bound to a user's old keys: the copies of K_group
   * sealed to them or by them (an Auth-mode seal names its sender's key),
   * and the certificates about them or signed by them. Each becomes pending
   * again until an honest holder re-seals or a person re-certifies. Raw SQL
   * because these tables have no entities (they belong to the keys module,
   * which depends on this one).
   */
  async forgetKeyTrust(m: EntityManager, userId: string): Promise<ForgottenKeyTrust> {
    // TypeORM answers a DELETE with [rows, affected].
    const [, grantsDeleted] = await m.query<[unknown[], number]>(
      'DELETE FROM group_key_grant WHERE user_id = $1 OR granted_by = $1',
      [userId],
    );
    const [, certificatesDeleted] = await m.query<[unknown[], number]>(
      'DELETE FROM key_certificate WHERE subject_user_id = $1 OR issuer_user_id = $1',
      [userId],
    );
    return { grantsDeleted, certificatesDeleted };
  }

  countActiveAdmins(m: EntityManager, organisationId: string): Promise<number> {
    return m.count(UserEntity, {
      where: { organisationId, role: 'org_admin', disabledAt: IsNull() },
    });
  }
}
