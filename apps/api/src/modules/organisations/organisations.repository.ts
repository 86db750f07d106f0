import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Organisation } from './models/organisation.model.js';
import { OrganisationEntity, type OrganisationKind } from './organisation.entity.js';

/** As the caller may see it: the reference pattern only for the organisation's own members. */
export function toOrganisation(
  e: OrganisationEntity,
  viewerOrganisationId?: string | null,
): Organisation {
  return {
    id: e.id,
    name: e.name,
    kind: e.kind,
    createdAt: e.createdAt,
    caseReferencePattern: viewerOrganisationId === e.id ? e.caseReferencePattern : null,
  };
}

/** The `organisation` table. */
@Injectable()
export class OrganisationsRepository {
  findById(m: EntityManager, id: string): Promise<OrganisationEntity | null> {
    return m.getRepository(OrganisationEntity).findOneBy({ id });
  }

  listByName(m: EntityManager): Promise<OrganisationEntity[]> {
    return m.getRepository(OrganisationEntity).find({ order: { name: 'ASC' } });
  }

  /** Names are unique regardless of case. */
  async nameTaken(m: EntityManager, name: string): Promise<boolean> {
    const rows = await m.query<unknown[]>(
      'SELECT 1 FROM organisation WHERE lower(name) = lower($1)',
      [name],
    );
    return rows.length > 0;
  }

  async referencePattern(m: EntityManager, id: string): Promise<string | null> {
    const rows = await m.query<Array<{ pattern: string | null }>>(
      'SELECT case_reference_pattern AS pattern FROM organisation WHERE id = $1',
      [id],
    );
    return rows[0]?.pattern ?? null;
  }

  /** Row-level security lets only the organisation's own admins change its row: false when nothing was. */
  async setReferencePattern(
    m: EntityManager,
    id: string,
    pattern: string | null,
  ): Promise<boolean> {
    const rows = await m.query<unknown[]>(
      'UPDATE organisation SET case_reference_pattern = $2 WHERE id = $1 RETURNING id',
      [id, pattern],
    );
    return rows.length > 0;
  }

  insert(m: EntityManager, name: string, kind: OrganisationKind): Promise<OrganisationEntity> {
    return m.save(m.create(OrganisationEntity, { name, kind }));
  }
}
