import 'reflect-metadata';
import { ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { AppModule } from '../app.module.js';
import type { Runtime } from '../common/runtime.js';
import { bodyTooLarge, trustProxySetting, untrustedProxyWarning } from './request-limits.js';
import { securityHeaders } from './security-headers.js';

/** Builds the HTTP application (on a database `prepareRuntime` migrated); does not listen yet. */
export async function createApp(runtime: Runtime): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.register(runtime), {
    bufferLogs: true,
    bodyParser: true,
  });
  app.useLogger(app.get(Logger));
  const { config } = runtime;
  app.disable('x-powered-by');
  // Client addresses (sign-in throttling) come from the socket unless proxies are trusted.
  app.set('trust proxy', trustProxySetting(config.TRUST_PROXY));
  app.use(untrustedProxyWarning(config.TRUST_PROXY));
  app.use(securityHeaders(config));
  app.useBodyParser('json', { limit: config.GRAPHQL_MAX_BODY_BYTES });
  app.use(bodyTooLarge(config.GRAPHQL_MAX_BODY_BYTES));
  app.useGlobalPipes(
    new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true }),
  );
  await app.init();
  return app;
}
