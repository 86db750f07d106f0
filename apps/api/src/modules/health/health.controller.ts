import { Controller, Get, HttpCode, Res } from '@nestjs/common';
import type { ReadinessReport } from '@parallax/domain';
import type { Response } from 'express';
import { HealthRepository } from './health.repository.js';
import { ShutdownState } from './shutdown-state.js';

@Controller('health')
export class HealthController {
  constructor(
    private readonly database: HealthRepository,
    private readonly shutdown: ShutdownState,
  ) {}

  /** Liveness: the process answers. Never touches the database. */
  @Get('live')
  @HttpCode(200)
  live(): { status: 'up' } {
    return { status: 'up' };
  }

  /**
   * Readiness: the database answers and we are not shutting down. A load
   * balancer stops sending traffic as soon as this turns 503.
   */
  @Get('ready')
  async ready(@Res({ passthrough: true }) res: Response): Promise<ReadinessReport> {
    const report: ReadinessReport = { status: 'up', components: {} };
    try {
      await this.database.ping();
      report.components['database'] = { status: 'up' };
    } catch {
      report.components['database'] = { status: 'down', detail: 'no answer from PostgreSQL' };
      report.status = 'down';
    }
    if (this.shutdown.stopping) {
      report.components['server'] = { status: 'down', detail: 'shutting down' };
      report.status = 'down';
    }
    res.status(report.status === 'up' ? 200 : 503);
    return report;
  }
}
