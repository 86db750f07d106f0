import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startAppProcess } from '@parallax/test-support';
import { chromiumPath } from './browser.js';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    /** Data folder of the shared app; `demo-logins.txt` there has the demo users' passwords and TOTP secrets. */
    dataDir: string;
  }
}

/** Starts the real, built app once for all browser tests, on its own data folder, with the demo seed. */
export default async function setup(project: TestProject) {
  chromiumPath(); // fail fast, with the install hint, before starting anything
  const dataDir = await mkdtemp(join(tmpdir(), 'parallax-e2e-'));
  const app = await startAppProcess({ dataDir, args: ['--demo'] });
  project.provide('baseUrl', app.url);
  project.provide('dataDir', dataDir);
  return async () => {
    await app.stop();
    await rm(dataDir, { recursive: true, force: true });
  };
}
