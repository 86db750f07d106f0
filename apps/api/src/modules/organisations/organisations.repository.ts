import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Organisation } from './models/organisation.model.js';
import { OrganisationEntity, type OrganisationKind } from './organisation.entity.js';

export function toOrganisation(e: OrganisationEntity): Organisation {
  return { id: e.id, name: e.name, kind: e.kind, createdAt: e.createdAt };
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

  insert(m: EntityManager, name: string, kind: OrganisationKind): Promise<OrganisationEntity> {
    return m.save(m.create(OrganisationEntity, { name, kind }));
  }
}
