import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

export type DemoOrganisationKind = 'cso' | 'donor' | 'secretariat';

/**
 * The demo seed's statements. It writes with the hub owner's rights, before
 * anyone signs in, each step in the caller's transaction with its audit entry.
 */
@Injectable()
export class DemoRepository {
  constructor(private readonly dataSource: DataSource) {}

  async groupExists(name: string): Promise<boolean> {
    const rows = await this.dataSource.query<Array<{ found: number }>>(
      'SELECT 1 AS found FROM working_group WHERE name = $1',
      [name],
    );
    return rows.length > 0;
  }

  /** Runs `work` in one transaction (a seed step and its audit entry). */
  transaction<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  async insertWorkingGroup(m: EntityManager, name: string, description: string): Promise<string> {
    return this.insertId(
      m,
      'INSERT INTO working_group (name, description) VALUES ($1, $2) RETURNING id',
      [name, description],
    );
  }

  async insertOrganisation(
    m: EntityManager,
    name: string,
    kind: DemoOrganisationKind,
  ): Promise<string> {
    return this.insertId(m, 'INSERT INTO organisation (name, kind) VALUES ($1, $2) RETURNING id', [
      name,
      kind,
    ]);
  }

  async addDonor(m: EntityManager, workingGroupId: string, organisationId: string): Promise<void> {
    await m.query(
      'INSERT INTO working_group_donor (working_group_id, organisation_id) VALUES ($1, $2)',
      [workingGroupId, organisationId],
    );
  }

  async addActiveMember(
    m: EntityManager,
    workingGroupId: string,
    organisationId: string,
  ): Promise<void> {
    await m.query(
      `INSERT INTO working_group_member (working_group_id, organisation_id, status, joined_at) VALUES ($1, $2, 'active', now())`,
      [workingGroupId, organisationId],
    );
  }

  async addCoordinator(m: EntityManager, workingGroupId: string, userId: string): Promise<void> {
    await m.query(
      'INSERT INTO working_group_coordinator (working_group_id, user_id) VALUES ($1, $2)',
      [workingGroupId, userId],
    );
  }

  async insertCertificate(
    m: EntityManager,
    c: {
      kind: 'org_admin' | 'member' | 'coordinator';
      workingGroupId: string | null;
      subjectUserId: string;
      subjectOrganisationId: string;
      issuerUserId: string;
      body: Uint8Array;
      signature: Uint8Array;
    },
  ): Promise<string> {
    return this.insertId(
      m,
      `INSERT INTO key_certificate
         (kind, working_group_id, subject_user_id, subject_organisation_id, issuer_user_id, body, signature)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [
        c.kind,
        c.workingGroupId,
        c.subjectUserId,
        c.subjectOrganisationId,
        c.issuerUserId,
        Buffer.from(c.body),
        Buffer.from(c.signature),
      ],
    );
  }

  private async insertId(m: EntityManager, sql: string, params: unknown[]): Promise<string> {
    const [row] = await m.query<Array<{ id: string }>>(sql, params);
    if (!row) throw new Error(`Insert returned no id: ${sql}`);
    return row.id;
  }
}
