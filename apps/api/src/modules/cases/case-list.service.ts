import { Injectable } from '@nestjs/common';
import type { Actor } from '@parallax/authz';
import { DataSource } from 'typeorm';
import { afterKey, toPage } from '../../common/pagination/keyset.js';
import type { Page } from '../../common/pagination/page.model.js';
import { runAsTenant } from '../../common/tenant/tenant-transaction.js';
import type { CaseListFilter } from './case-list-filter.js';
import { toTrackingCase } from './case-rows.js';
import { CasesRepository } from './cases.repository.js';
import type { CaseListArgs } from './dto/case-list.args.js';
import type { TrackingCase } from './models/case.model.js';

/** The organisation's cases as people list them: a page at a time, searched and filtered. */
@Injectable()
export class CaseListService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: CasesRepository,
  ) {}

  /**
   * One page of the organisation's cases and the exact total of the filtered
   * list, read in one transaction (one snapshot). The cursor is bound to the
   * filters: another filter's cursor is INVALID_CURSOR.
   */
  async list(actor: Actor, args: CaseListArgs): Promise<Page<TrackingCase>> {
    const organisationId = actor.organisationId;
    const filter: CaseListFilter = {
      workingGroupId: args.workingGroupId ?? null,
      status: args.status ?? null,
      state: args.state ?? null,
      search: args.search?.trim() || null,
    };
    const scope = { list: 'cases', filters: filter };
    const after = afterKey(args.after, scope, 2);
    // A platform admin belongs to no organisation, so has no cases.
    if (!organisationId) return toPage([], args.first, 0, scope, () => [], toTrackingCase);
    return runAsTenant(this.dataSource, actor, async (m) => {
      const rows = await this.repository.pageOfOrganisation(
        m,
        organisationId,
        filter,
        after,
        args.first + 1,
      );
      const total = await this.repository.countOfOrganisation(m, organisationId, filter);
      return toPage(rows, args.first, total, scope, (r) => [r.created_key, r.id], toTrackingCase);
    });
  }
}
