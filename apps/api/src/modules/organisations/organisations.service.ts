import { Injectable } from '@nestjs/common';
import type { Actor } from '@parallax/authz';
import { ErrorCode, referencePatternProblem } from '@parallax/domain';
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
   * Sets or clears (null) the organisation's case reference pattern; its own
   * admins only. A bad pattern is refused before anything is read or
   * written; the change and its audit entry commit together.
   */
  async setReferencePattern(
    actor: Actor,
    organisationId: string,
    pattern: string | null,
  ): Promise<OrganisationEntity> {
    const clean = pattern === null ? null : pattern.trim();
    const problem = clean === null ? null : referencePatternProblem(clean);
    if (problem !== null) {
      throw new OrganisationsException(
        ErrorCode.InvalidReferencePattern,
        'This reference pattern cannot be used',
        { field: 'pattern', problem },
      );
    }
    return runAsTenant(this.dataSource, actor, async (m) => {
      const org = await this.repository.findById(m, organisationId);
      assertCan(actor, 'update', 'Organisation', org);
      if (!(await this.repository.setReferencePattern(m, org.id, clean))) {
        throw new OrganisationsException(ErrorCode.BadUserInput, 'The organisation did not change');
      }
      await this.audit.record(m, {
        actorUserId: actor.userId,
        organisationId: org.id,
        action: 'organisation.reference_pattern',
        subjectType: 'organisation',
        subjectId: org.id,
        // Free text is redacted from audit details by its shape: the entry says what happened.
        change: { pattern: clean === null ? 'cleared' : 'set' },
      });
      return { ...org, caseReferencePattern: clean };
    });
  }

  /** The organisation's case reference pattern, in the caller's transaction; null when it has none. */
  referencePattern(m: EntityManager, organisationId: string): Promise<string | null> {
    return this.repository.referencePattern(m, organisationId);
  }

  /**
   * For another module, in its own transaction (row-level security applies
   * when that is a tenant transaction); that module applies the policy.
   */
  findById(m: EntityManager, id: string): Promise<OrganisationEntity | null> {
    return this.repository.findById(m, id);
  }
}
