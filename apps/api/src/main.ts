import 'reflect-metadata';
import type { Server } from 'node:http';
import { prepareRuntime } from './bootstrap/prepare-runtime.js';
import { createApp } from './bootstrap/create-app.js';
import { ConfigError } from './config/load-config.js';
import { ShutdownState } from './modules/health/shutdown-state.js';
import { seedDemo } from './modules/demo/demo-seed.js';
import { demoSummary } from './modules/demo/demo-summary.js';

const say = (message: string) => process.stdout.write(`[parallax] ${message}\n`);

async function main(): Promise<void> {
  const demo = process.argv.includes('--demo');
  const env = demo ? { ...process.env, PARALLAX_DEMO: 'true' } : process.env;
  const { runtime, database } = await prepareRuntime(env, say);
  say(database.embedded ? 'Using embedded PostgreSQL' : 'Using PostgreSQL at DATABASE_URL');

  const app = await createApp(runtime);
  const demoSeed = runtime.config.PARALLAX_DEMO ? await seedDemo(app, say) : null;

  const { HOST, PORT } = runtime.config;
  await app.listen(PORT, HOST);
  const shown = HOST === '0.0.0.0' || HOST === '127.0.0.1' || HOST === '::' ? 'localhost' : HOST;
  const url = runtime.config.PUBLIC_URL ?? `http://${shown}:${PORT}`;
  say(`Parallax ${runtime.version} is ready at ${url}`);
  // Last, so it is what the terminal shows (request lines are debug-level).
  if (demoSeed && demoSeed.logins.length > 0) {
    process.stdout.write(demoSummary(demoSeed.logins, url, demoSeed.files));
  }

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    say(`${signal} received: finishing in-flight requests`);
    app.get(ShutdownState).stopping = true;
    const force = setTimeout(() => {
      say('Shutdown took too long; exiting');
      process.exit(1);
    }, runtime.config.SHUTDOWN_TIMEOUT_MS);
    force.unref();
    try {
      const server = app.getHttpServer() as Server;
      const closed = new Promise<void>((done) => server.close(() => done()));
      server.closeIdleConnections();
      await closed;
      await app.close();
      await database.stop();
      say('Stopped cleanly');
      process.exit(0);
    } catch (error) {
      say(`Shutdown failed: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    }
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(
    error instanceof ConfigError ? `${message}\n` : `Parallax could not start: ${message}\n`,
  );
  process.exit(1);
});
