import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { IdempotencyCleanup } from './idempotency-cleanup.service.js';
import { IdempotencyInterceptor } from './idempotency.interceptor.js';
import { IdempotencyPlugin } from './idempotency.plugin.js';
import { IdempotencyRepository } from './idempotency.repository.js';

/** Idempotency-Key for mutations: the Apollo plugin (found by Nest's plugin explorer), the interceptor, the clean-up. */
@Module({
  providers: [
    IdempotencyRepository,
    IdempotencyPlugin,
    IdempotencyCleanup,
    { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
  ],
})
export class IdempotencyModule {}
