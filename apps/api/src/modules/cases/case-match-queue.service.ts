import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { withOwnerRights } from '../../common/tenant/owner-rights.js';
import { JobsService } from '../jobs/jobs.service.js';

/** Queues a case for matching in the transaction that changed it. */
@Injectable()
export class CaseMatchQueue {
  private readonly logger = new Logger('Cases');

  constructor(private readonly jobs: JobsService) {}

  /** The job table is the hub's, not a tenant's: enqueue with the owner's rights, in the same transaction. */
  async enqueue(m: EntityManager, caseId: string): Promise<void> {
    await withOwnerRights(m, async () => {
      try {
        await this.jobs.enqueueMatch(m, caseId);
      } catch (e) {
        this.logger.error(`Could not enqueue matching for case ${caseId}: ${String(e)}`);
        throw e;
      }
    });
  }
}
