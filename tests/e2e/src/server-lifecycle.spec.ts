import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_MAIN, REPO_ROOT, startAppProcess } from '../support/app-process.js';

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
    const again = await startAppProcess({ dataDir, args: ['--demo'] });
    expect(await again.stop()).toBe(0);
    expect(again.output()).toContain('Demo data already present');
    expect(again.output()).toContain('investigator@dja.demo.parallax.test');
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
