import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { AppModule } from '../app.module.js';
import { prepareRuntime } from '../bootstrap/prepare-runtime.js';

const say = (message: string) => process.stderr.write(`${message}\n`);

/**
 * Runs `body` with the hub's services but no HTTP server, against the same
 * database the server would use (embedded unless DATABASE_URL), with
 * migrations applied first (by `prepareRuntime`, as the owner), and shuts
 * everything down afterwards.
 */
export async function withCommandContext<T>(body: (app: INestApplicationContext) => Promise<T>): Promise<T> {
  const { runtime, database } = await prepareRuntime({ ...process.env, LOG_LEVEL: process.env['LOG_LEVEL'] ?? 'warn' }, say);
  let app: INestApplicationContext | undefined;
  try {
    app = await NestFactory.createApplicationContext(AppModule.register(runtime, { http: false }), {
      logger: ['error', 'warn'],
    });
    return await body(app);
  } finally {
    await app?.close();
    await database.stop();
  }
}
