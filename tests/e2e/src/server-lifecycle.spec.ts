import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_MAIN, REPO_ROOT, startAppProcess } from '@parallax/test-support';

let dataDir: string;
beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'parallax-lifecycle-'));
});
afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

const postgresRunning = (dir: string) =>
  spawnSync('pgrep', ['-f', `postgres.*${dir}`], { encoding: 'utf8' }).stdout.trim() !== '';

describe('the server process', () => {
  it('stops PostgreSQL cleanly on SIGTERM, and the next start reuses the data', async () => {
    const first = await startAppProcess({ dataDir });
    expect(postgresRunning(dataDir)).toBe(true);
    expect(await first.stop()).toBe(0);
    expect(first.output()).toContain('Stopped cleanly');
    expect(postgresRunning(dataDir)).toBe(false);

    const second = await startAppProcess({ dataDir });
    expect(second.output()).not.toContain('Creating the PostgreSQL cluster');
    const ready = await fetch(`${second.url}/health/ready`);
    expect(await ready.json()).toMatchObject({ components: { database: { status: 'up' } } });
    expect(await second.stop()).toBe(0);
  });

  it('seeds demo logins once with --demo and shows them again on the next start', async () => {
    const seeded = await startAppProcess({ dataDir, args: ['--demo'] });
    expect(await seeded.stop()).toBe(0);
    expect(seeded.output()).toMatch(/coordinator@demo\.parallax\.test +password demo-\S+ +TOTP secret [A-Z2-7]{32}/);
    // Issue 10: the summary comes after "ready", with no log line inside it,
    // an otpauth URI per login, the next steps, and a page of QR codes.
    const out = seeded.output();
    const summary = out.slice(out.indexOf('is ready at'), out.indexOf('SIGTERM received'));
    expect(summary).toMatch(/Next steps[\s\S]*create the group key/);
    expect(summary).not.toMatch(/^\{"level"/m);
    expect(summary.match(/otpauth:\/\/totp\/Parallax:/g)?.length).toBe(9);
    expect(readFileSync(join(dataDir, 'demo-logins.html'), 'utf8').match(/<svg/g)?.length).toBe(9);
    const again = await startAppProcess({ dataDir, args: ['--demo'] });
    expect(await again.stop()).toBe(0);
    expect(again.output()).toContain('Demo data already present');
    expect(again.output()).toContain('investigator@dja.demo.parallax.test');
    expect(again.output()).toMatch(/Next steps/);
  });

  it('uses the PostgreSQL at DATABASE_URL instead of starting its own', async () => {
    const host = await startAppProcess({ dataDir });
    const otherDir = await mkdtemp(join(tmpdir(), 'parallax-external-'));
    try {
      const admin = new pg.Client({ connectionString: host.databaseUrl() });
      await admin.connect();
      await admin.query('DROP DATABASE IF EXISTS parallax_external');
      await admin.query('CREATE DATABASE parallax_external');
      await admin.end();
      const external = host.databaseUrl().replace(/\/parallax$/, '/parallax_external');
      const guest = await startAppProcess({ dataDir: otherDir, env: { DATABASE_URL: external } });
      expect(guest.output()).toContain('Using PostgreSQL at DATABASE_URL');
      expect(existsSync(join(otherDir, 'postgres'))).toBe(false);
      const ready = await fetch(`${guest.url}/health/ready`);
      expect(await ready.json()).toMatchObject({ status: 'up', components: { database: { status: 'up' } } });
      expect(await guest.stop()).toBe(0);
      const check = new pg.Client({ connectionString: external });
      await check.connect();
      const { rows } = await check.query('SELECT count(*)::int AS n FROM schema_migration');
      await check.end();
      expect(rows[0].n).toBeGreaterThan(0);
    } finally {
      expect(await host.stop()).toBe(0);
      await rm(otherDir, { recursive: true, force: true });
    }
  });

  it('refuses bad configuration with a one-line explanation', () => {
    const run = spawnSync(process.execPath, [API_MAIN], {
      cwd: REPO_ROOT,
      env: { ...process.env, PORT: 'abc', PARALLAX_DATA_DIR: dataDir },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr.trim()).toBe('Invalid configuration: PORT must be a number (got "abc")');
  });
});
