/**
 * The hub under test: the built server on the bench's data folder, with the
 * master key the bench gave it, and the bench's own connection to its
 * embedded PostgreSQL. Restarts (for pg_stat_statements, after saving a seed
 * cache) replace both, so the steps read them from here.
 */
import pg from 'pg';
import { startAppProcess, type AppProcess, type AppProcessOptions } from '@parallax/test-support';

export class BenchHub {
  app: AppProcess | undefined;
  client: pg.Client | undefined;
  private readonly options: AppProcessOptions;

  constructor(
    readonly dataDir: string,
    readonly masterKey: Buffer,
  ) {
    this.options = {
      dataDir,
      args: ['--demo'],
      env: { PARALLAX_MASTER_KEY: masterKey.toString('base64'), SERVE_WEB: 'false' },
      // BENCH_HUB_MAIN=<path of another build> measures a variant of the hub
      main: process.env['BENCH_HUB_MAIN'],
      // e.g. BENCH_HUB_NODE_ARGS=--cpu-prof to profile the hub
      nodeArgs: (process.env['BENCH_HUB_NODE_ARGS'] ?? '').split(' ').filter((a) => a.length > 0),
    };
  }

  async start(): Promise<AppProcess> {
    this.app = await startAppProcess(this.options);
    return this.app;
  }

  /** The running hub; throws before start. */
  get running(): AppProcess {
    if (!this.app) throw new Error('the hub is not started');
    return this.app;
  }

  /** The bench's connection; throws when not connected. */
  get db(): pg.Client {
    if (!this.client) throw new Error('not connected to the hub database');
    return this.client;
  }

  /** A new, unconnected client of the hub's database. */
  newClient(): pg.Client {
    return new pg.Client({ connectionString: this.app?.databaseUrl() });
  }

  async connect(): Promise<pg.Client> {
    const client = this.newClient();
    this.client = client;
    client.on('error', () => undefined); // the hub's shutdown ends the connection
    await client.connect();
    return client;
  }

  async disconnect(): Promise<void> {
    await this.client?.end();
    this.client = undefined;
  }

  /** At the end, whatever happened. */
  async stop(): Promise<void> {
    await this.client?.end().catch(() => undefined);
    await this.app?.stop();
  }
}
