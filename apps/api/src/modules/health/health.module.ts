import { Global, Module } from '@nestjs/common';
import { HealthController } from './health.controller.js';
import { HealthRepository } from './health.repository.js';
import { ShutdownState } from './shutdown-state.js';

@Global()
@Module({
  controllers: [HealthController],
  providers: [HealthRepository, ShutdownState],
  exports: [ShutdownState],
})
export class HealthModule {}
