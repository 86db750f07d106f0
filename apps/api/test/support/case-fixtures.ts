import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Actor } from '@parallax/authz';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll } from 'vitest';
import { dataSourceOptions } from '../../src/database/data-source-options.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';

/** A deterministic 32-byte fingerprint standing for `label` (no real identifier is ever needed). */
export function fp(label: string): Buffer {
  return createHash('sha256').update(label).digest();
}

/**
 * A fresh migrated database for this test file and an owner connection to it,
 * without the application: for repository tests.
 */
export function useTestDataSource(): { readonly db: DataSource } {
  let testDb: TestDatabase | undefined;
  let db: DataSource | undefined;
  beforeAll(async () => {
    testDb = await createTestDatabase();
    db = new DataSource(dataSourceOptions(testDb.url, 2));
    await db.initialize();
  });
  afterAll(async () => {
    await db?.destroy();
    await testDb?.drop();
  });
  return {
    get db(): DataSource {
      if (!db)
        throw new Error(
          'useTestDataSource(): the database exists between beforeAll and afterAll only',
        );
      return db;
    },
  };
}

/** A user row with placeholder key material (these tests never sign in). */
export async function seedUser(
  db: DataSource,
  organisationId: string,
  role: 'org_admin' | 'investigator' | 'viewer' = 'investigator',
): Promise<string> {
  return insertId(
    db,
    `INSERT INTO app_user (email, display_name, organisation_id, role, kdf_salt, kdf_params, login_verifier, public_key, encrypted_private_key, totp_secret)
     VALUES ($1, 'Test User', $2, $3, $4, '{}', 'x', $5, $6, $7) RETURNING id`,
    [
      `u-${randomBytes(6).toString('hex')}@t.test`,
      organisationId,
      role,
      randomBytes(16),
      randomBytes(32),
      randomBytes(48),
      randomBytes(32),
    ],
  );
}

/** An investigator of `organisationId` who fingerprints in `memberOf`, as `runAsTenant` needs it. */
export function investigatorOf(
  organisationId: string,
  memberOf: string[],
  userId: string = randomUUID(),
): Actor {
  return {
    userId,
    isPlatformAdmin: false,
    organisationId,
    organisationKind: 'cso',
    role: 'investigator',
    coordinatorOf: [],
    memberOf,
    donorOf: [],
  };
}

export interface SeededGroup {
  workingGroupId: string;
  organisationIds: string[];
}

async function insertId(db: DataSource, sql: string, params: unknown[]): Promise<string> {
  const [row] = await db.query<Array<{ id: string }>>(sql, params);
  if (!row) throw new Error(`no id from ${sql}`);
  return row.id;
}

/**
 * A working group with a current key epoch 1 and `organisations` active
 * member organisations, written directly with the owner's rights: for tests
 * of repositories and services below the GraphQL layer.
 */
export async function seedGroup(db: DataSource, organisations: number): Promise<SeededGroup> {
  const tag = randomBytes(4).toString('hex');
  const workingGroupId = await insertId(
    db,
    'INSERT INTO working_group (name) VALUES ($1) RETURNING id',
    [`Group ${tag}`],
  );
  await db.query(
    'INSERT INTO working_group_epoch (working_group_id, epoch, oprf_key) VALUES ($1, 1, $2)',
    [workingGroupId, randomBytes(32)],
  );
  const organisationIds: string[] = [];
  for (let i = 0; i < organisations; i++) {
    const org = await insertId(
      db,
      `INSERT INTO organisation (name, kind) VALUES ($1, 'cso') RETURNING id`,
      [`Org ${tag}-${i}`],
    );
    await db.query(
      `INSERT INTO working_group_member (working_group_id, organisation_id, status, joined_at) VALUES ($1, $2, 'active', now())`,
      [workingGroupId, org],
    );
    organisationIds.push(org);
  }
  return { workingGroupId, organisationIds };
}

export interface SeededCase {
  workingGroupId: string;
  organisationId: string;
  reference: string;
  fingerprints: Array<{ kind: string; fp: Buffer }>;
  epoch?: number;
}

/** A case and its fingerprints; no job is enqueued and nothing is matched. */
export async function seedCase(db: DataSource, c: SeededCase): Promise<string> {
  const epoch = c.epoch ?? 1;
  const id = await insertId(
    db,
    `INSERT INTO tracking_case (working_group_id, organisation_id, reference, status, epoch, fingerprint_count, idempotency_key)
     VALUES ($1, $2, $3, 'active', $4, $5, $6) RETURNING id`,
    [
      c.workingGroupId,
      c.organisationId,
      c.reference,
      epoch,
      c.fingerprints.length,
      `seed-${randomBytes(8).toString('hex')}`,
    ],
  );
  for (const f of c.fingerprints) {
    await db.query(
      'INSERT INTO case_fingerprint (case_id, working_group_id, epoch, kind, fp) VALUES ($1, $2, $3, $4, $5)',
      [id, c.workingGroupId, epoch, f.kind, f.fp],
    );
  }
  return id;
}

/** What a withdrawal leaves in the database: no fingerprints, a withdrawal time. */
export async function withdrawCase(db: DataSource, caseId: string): Promise<void> {
  await db.query('DELETE FROM case_fingerprint WHERE case_id = $1', [caseId]);
  await db.query(
    'UPDATE tracking_case SET withdrawn_at = now(), fingerprint_count = 0, updated_at = now() WHERE id = $1',
    [caseId],
  );
}
