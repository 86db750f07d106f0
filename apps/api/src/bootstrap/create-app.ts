import 'reflect-metadata';
import { ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { AppModule, WEB_DIST } from '../app.module.js';
import { DomainExceptionFilter } from '../common/errors/domain-exception.filter.js';
import { StartupQuietLogger } from '../common/logging/startup-quiet-logger.js';
import { gzipWebAssets } from '../common/http/web-compression.js';
import type { Runtime } from '../common/runtime.js';
import { bodyTooLarge, trustProxySetting, untrustedProxyWarning } from './request-limits.js';
import { securityHeaders } from './security-headers.js';

/** Builds the HTTP application (on a database `prepareRuntime` migrated); does not listen yet. */
export async function createApp(runtime: Runtime): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.register(runtime), {
    bufferLogs: true,
    bodyParser: true,
  });
  const logger = new StartupQuietLogger(app.get(Logger));
  app.useLogger(logger);
  app.useGlobalFilters(new DomainExceptionFilter(logger));
  const { config } = runtime;
  app.disable('x-powered-by');
  // Client addresses (sign-in throttling) come from the socket unless proxies are trusted.
  app.set('trust proxy', trustProxySetting(config.TRUST_PROXY));
  app.use(untrustedProxyWarning(config.TRUST_PROXY));
  app.use(securityHeaders(config));
  // Before the static file server: it sends the client's JavaScript uncompressed.
  if (config.SERVE_WEB) app.use(gzipWebAssets(WEB_DIST));
  app.useBodyParser('json', { limit: config.GRAPHQL_MAX_BODY_BYTES });
  app.use(bodyTooLarge(config.GRAPHQL_MAX_BODY_BYTES));
  app.useGlobalPipes(
    new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true }),
  );
  await app.init();
  return app;
}
