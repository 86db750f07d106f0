import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Actor } from '@parallax/authz';
import { FINGERPRINT_SCHEMA_VERSION } from '@parallax/fingerprint';
import type { DataSource } from 'typeorm';
import type { UserRole } from '../../src/modules/users/user.entity.js';
import {
  insertId,
  seedMembership,
  seedOrganisation,
  seedUser as seedIdentityUser,
  seedWorkingGroup,
} from './identity-fixtures.js';

export { useTestDataSource } from './test-database.js';

/** A deterministic 32-byte fingerprint standing for `label` (no real identifier is ever needed). */
export function fp(label: string): Buffer {
  return createHash('sha256').update(label).digest();
}

/** A user row with placeholder key material (these tests never sign in). */
export function seedUser(
  db: DataSource,
  organisationId: string,
  role: UserRole = 'investigator',
): Promise<string> {
  return seedIdentityUser(db, { organisationId, role });
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

/**
 * A working group with a current key epoch 1 (under this code's fingerprint
 * rules) and `organisations` active member organisations, written directly
 * with the owner's rights: for tests of repositories and services below the
 * GraphQL layer.
 */
export async function seedGroup(db: DataSource, organisations: number): Promise<SeededGroup> {
  const workingGroupId = await seedWorkingGroup(db);
  await db.query(
    'INSERT INTO working_group_epoch (working_group_id, epoch, oprf_key, schema_version) VALUES ($1, 1, $2, $3)',
    [workingGroupId, randomBytes(32), FINGERPRINT_SCHEMA_VERSION],
  );
  const organisationIds: string[] = [];
  for (let i = 0; i < organisations; i++) {
    const org = await seedOrganisation(db);
    await seedMembership(db, workingGroupId, org);
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
