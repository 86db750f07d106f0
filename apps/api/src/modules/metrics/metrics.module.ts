import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { MetricsComputeService } from './metrics-compute.service.js';
import { MetricsMeasureRepository } from './metrics-measure.repository.js';
import { MetricsReleasesJob } from './metrics-releases.job.js';
import { MetricsRepository } from './metrics.repository.js';
import { MetricsResolver } from './metrics.resolver.js';
import { MetricsService } from './metrics.service.js';

/**
 * Donor metrics (issue 12): monthly releases per working group over the
 * public grid, the privacy-budget ledger and the `metrics-releases` sweep.
 */
@Module({
  imports: [NotificationsModule],
  providers: [
    MetricsMeasureRepository,
    MetricsRepository,
    MetricsService,
    MetricsComputeService,
    MetricsReleasesJob,
    MetricsResolver,
  ],
  exports: [MetricsService, MetricsComputeService],
})
export class MetricsModule {}
