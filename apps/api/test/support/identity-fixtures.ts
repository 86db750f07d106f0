import { randomBytes } from 'node:crypto';
import { TEST_KDF_PARAMS } from '@parallax/identity';
import type { DataSource, EntityManager } from 'typeorm';
import type { UserRole } from '../../src/modules/users/user.entity.js';
import { UsersRepository } from '../../src/modules/users/users.repository.js';

/**
 * Organisations, users and working groups written directly with the
 * owner's rights, for the medium tests of repositories (no GraphQL, no
 * policy). Names carry a random tag so tests in one database never collide.
 */
export const tag = (): string => randomBytes(4).toString('hex');

export async function insertId(
  db: DataSource | EntityManager,
  sql: string,
  params: unknown[],
): Promise<string> {
  const [row] = await db.query<Array<{ id: string }>>(sql, params);
  if (!row) throw new Error(`no id from ${sql}`);
  return row.id;
}

export function seedOrganisation(
  db: DataSource,
  kind: 'cso' | 'donor' | 'secretariat' = 'cso',
  name = `Org ${tag()}`,
): Promise<string> {
  return insertId(db, 'INSERT INTO organisation (name, kind) VALUES ($1, $2) RETURNING id', [
    name,
    kind,
  ]);
}

export function seedWorkingGroup(db: DataSource, name = `Group ${tag()}`): Promise<string> {
  return insertId(db, 'INSERT INTO working_group (name) VALUES ($1) RETURNING id', [name]);
}

export interface SeedUser {
  organisationId?: string | null;
  role?: UserRole | null;
  displayName?: string;
  email?: string;
  disabled?: boolean;
}

export async function seedUser(db: DataSource, u: SeedUser = {}): Promise<string> {
  const user = await new UsersRepository().insert(db.manager, {
    email: u.email ?? `user-${tag()}@example.org`,
    displayName: u.displayName ?? `User ${tag()}`,
    isPlatformAdmin: !u.organisationId,
    organisationId: u.organisationId ?? null,
    role: u.organisationId ? (u.role ?? 'investigator') : null,
    kdfSalt: randomBytes(16),
    kdfParams: TEST_KDF_PARAMS,
    loginVerifier: 'scrypt$test',
    publicKey: randomBytes(32),
    encryptedPrivateKey: randomBytes(128),
    signingPublicKey: randomBytes(32),
    encryptedSigningKey: randomBytes(73),
    totpSecret: randomBytes(40),
  });
  if (u.disabled)
    await db.query('UPDATE app_user SET disabled_at = now() WHERE id = $1', [user.id]);
  return user.id;
}

export async function seedMembership(
  db: DataSource,
  workingGroupId: string,
  organisationId: string,
  status: 'invited' | 'active' | 'left' = 'active',
): Promise<void> {
  await db.query(
    `INSERT INTO working_group_member (working_group_id, organisation_id, status, joined_at)
     VALUES ($1, $2, $3, $4)`,
    [workingGroupId, organisationId, status, status === 'active' ? new Date() : null],
  );
}

export async function seedCoordinator(
  db: DataSource,
  workingGroupId: string,
  userId: string,
): Promise<void> {
  await db.query(
    'INSERT INTO working_group_coordinator (working_group_id, user_id) VALUES ($1, $2)',
    [workingGroupId, userId],
  );
}
