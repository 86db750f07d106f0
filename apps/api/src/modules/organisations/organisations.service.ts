import { Injectable } from '@nestjs/common';
import type { Actor } from '@parallax/authz';
import { ErrorCode } from '@parallax/domain';
import { DataSource } from 'typeorm';
import { assertCan, assertMay, readable } from '../../common/authorization/policy.js';
import { runAsTenant } from '../../common/tenant/tenant-transaction.js';
import { AuditService } from '../audit/audit.service.js';
import { OrganisationEntity, type OrganisationKind } from './organisation.entity.js';
import { OrganisationsException } from './organisations.exception.js';

@Injectable()
export class OrganisationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async create(actor: Actor, name: string, kind: OrganisationKind): Promise<OrganisationEntity> {
    assertMay(actor, 'create', 'Organisation', { id: '*', kind });
    const clean = name.trim();
    if (!clean) throw new OrganisationsException(ErrorCode.BadUserInput, 'Enter a name', { field: 'name' });
    return runAsTenant(this.dataSource, actor, async (m) => {
      const taken = await m.query('SELECT 1 FROM organisation WHERE lower(name) = lower($1)', [clean]);
      if (taken.length) throw new OrganisationsException(ErrorCode.Conflict, 'An organisation with this name exists');
      const org = await m.save(m.create(OrganisationEntity, { name: clean, kind }));
      await this.audit.record(m, {
        actorUserId: actor.userId,
        organisationId: org.id,
        action: 'organisation.create',
        subjectType: 'organisation',
        subjectId: org.id,
        change: { name: clean, kind },
      });
      return org;
    });
  }

  /** Every organisation the caller may see: their own, or the directory for admins and coordinators. */
  async list(actor: Actor): Promise<OrganisationEntity[]> {
    const all = await runAsTenant(this.dataSource, actor, (m) =>
      m.getRepository(OrganisationEntity).find({ order: { name: 'ASC' } }),
    );
    return readable(actor, 'Organisation', all);
  }

  async get(actor: Actor, id: string): Promise<OrganisationEntity> {
    const org = await runAsTenant(this.dataSource, actor, (m) => m.getRepository(OrganisationEntity).findOneBy({ id }));
    assertCan(actor, 'read', 'Organisation', org);
    return org as OrganisationEntity;
  }
}
