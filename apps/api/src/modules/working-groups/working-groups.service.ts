import { Injectable } from '@nestjs/common';
import { defineAbilityFor, subject, type Actor } from '@parallax/authz';
import { ErrorCode } from '@parallax/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { assertCan, assertMay, readable } from '../../common/authorization/policy.js';
import { runAsTenant } from '../../common/tenant/tenant-transaction.js';
import { AuditService } from '../audit/audit.service.js';
import type { WorkingGroup } from './models/working-group.model.js';
import type { WorkingGroupEntity } from './working-group.entity.js';
import { recordGroupChange } from './working-groups.audit.js';
import { WorkingGroupsException } from './working-groups.exception.js';
import { toWorkingGroup, WorkingGroupsRepository } from './working-groups.repository.js';

/** Working groups themselves: creation, listing, the group as its readers see it. */
@Injectable()
export class WorkingGroupsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly repository: WorkingGroupsRepository,
  ) {}

  async create(actor: Actor, name: string, description: string): Promise<WorkingGroupEntity> {
    assertMay(actor, 'create', 'WorkingGroup', { id: '*' });
    return runAsTenant(this.dataSource, actor, async (m) => {
      const clean = name.trim();
      if (!clean)
        throw new WorkingGroupsException(ErrorCode.BadUserInput, 'Enter a name', { field: 'name' });
      if (await this.repository.nameTaken(m, clean)) {
        throw new WorkingGroupsException(
          ErrorCode.NameTaken,
          'A working group with this name exists',
          { field: 'name' },
        );
      }
      const wg = await this.repository.insert(m, clean, description.trim());
      await recordGroupChange(
        this.audit,
        m,
        actor,
        wg.id,
        'working_group.create',
        'working_group',
        wg.id,
        {
          name: clean,
        },
      );
      return wg;
    });
  }

  async list(actor: Actor): Promise<WorkingGroupEntity[]> {
    const ids = actor.isPlatformAdmin
      ? null
      : [...new Set([...actor.memberOf, ...actor.donorOf, ...actor.coordinatorOf])];
    const rows = await runAsTenant(this.dataSource, actor, (m) => this.repository.list(m, ids));
    return readable(actor, 'WorkingGroup', rows);
  }

  async get(actor: Actor, id: string): Promise<WorkingGroup> {
    return runAsTenant(this.dataSource, actor, async (m) => {
      const wg = await this.repository.findById(m, id);
      assertCan(actor, 'read', 'WorkingGroup', wg);
      const ability = defineAbilityFor(actor);
      const members = (await this.repository.members(m, id)).filter((ms) =>
        ability.can(
          'read',
          subject('Membership', { workingGroupId: id, organisationId: ms.organisation.id }),
        ),
      );
      const coordinators = await this.repository.coordinators(m, id);
      const donors = ability.can(
        'read',
        subject('Donor', { workingGroupId: id, organisationId: '*' }),
      )
        ? await this.repository.donors(m, id)
        : [];
      return toWorkingGroup(wg, { members, coordinators, donors });
    });
  }

  /** For another module's transaction (e.g. an invitation's preview); that module applies the policy. */
  findById(m: EntityManager, id: string): Promise<WorkingGroupEntity | null> {
    return this.repository.findById(m, id);
  }

  /** Locks the group's row until the caller's transaction ends (e.g. a key rotation); false when there is none. */
  lockById(m: EntityManager, id: string): Promise<boolean> {
    return this.repository.lockById(m, id);
  }
}
