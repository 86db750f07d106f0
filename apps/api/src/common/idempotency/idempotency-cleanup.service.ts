import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { DataSource } from 'typeorm';
import { RUNTIME, type Runtime } from '../runtime.js';
import { IdempotencyRepository } from './idempotency.repository.js';

const EVERY_MS = 60 * 60_000;

/**
 * Deletes expired keys (and their stored answers) every hour. Expired keys
 * are already ignored when looked up; this only keeps the table small. Each
 * replica runs it: the delete is idempotent, so no coordination is needed.
 */
@Injectable()
export class IdempotencyCleanup implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Idempotency');
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: IdempotencyRepository,
    @Inject(RUNTIME) private readonly runtime: Runtime,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.runtime.config.JOBS_ENABLED) return;
    this.timer = setInterval(() => void this.deleteExpired(), EVERY_MS);
    this.timer.unref();
  }

  /** The hub's own work (outside any tenant transaction): every user's expired keys. */
  async deleteExpired(): Promise<number> {
    try {
      return await this.repository.deleteExpired(this.dataSource.manager);
    } catch (error) {
      this.logger.warn(
        `Could not delete expired idempotency keys: ${error instanceof Error ? error.message : String(error)}`,
      );
      return 0;
    }
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }
}
