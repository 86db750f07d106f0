import { Injectable } from '@nestjs/common';
import type { Actor } from '@parallax/authz';
import { ErrorCode } from '@parallax/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { assertCan, assertMay, readable } from '../../common/authorization/policy.js';
import { runAsTenant } from '../../common/tenant/tenant-transaction.js';
import { AuditService } from '../audit/audit.service.js';
import type { OrganisationEntity, OrganisationKind } from './organisation.entity.js';
import { OrganisationsException } from './organisations.exception.js';
import { OrganisationsRepository } from './organisations.repository.js';

@Injectable()
export class OrganisationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly repository: OrganisationsRepository,
  ) {}

  async create(actor: Actor, name: string, kind: OrganisationKind): Promise<OrganisationEntity> {
    assertMay(actor, 'create', 'Organisation', { id: '*', kind });
    const clean = name.trim();
    if (!clean)
      throw new OrganisationsException(ErrorCode.BadUserInput, 'Enter a name', { field: 'name' });
    return runAsTenant(this.dataSource, actor, async (m) => {
      if (await this.repository.nameTaken(m, clean)) {
        throw new OrganisationsException(
          ErrorCode.NameTaken,
          'An organisation with this name exists',
          { field: 'name' },
        );
      }
      const org = await this.repository.insert(m, clean, kind);
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
    const all = await runAsTenant(this.dataSource, actor, (m) => this.repository.listByName(m));
    return readable(actor, 'Organisation', all);
  }

  async get(actor: Actor, id: string): Promise<OrganisationEntity> {
    const org = await runAsTenant(this.dataSource, actor, (m) => this.repository.findById(m, id));
    assertCan(actor, 'read', 'Organisation', org);
    return org;
  }

  /**
   * For another module, in its own transaction (row-level security applies
   * when that is a tenant transaction); that module applies the policy.
   */
  findById(m: EntityManager, id: string): Promise<OrganisationEntity | null> {
    return this.repository.findById(m, id);
  }
}
