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
  | 'totpSecret'
>;

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

  countActiveAdmins(m: EntityManager, organisationId: string): Promise<number> {
    return m.count(UserEntity, {
      where: { organisationId, role: 'org_admin', disabledAt: IsNull() },
    });
  }
}
