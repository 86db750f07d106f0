import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HubSession, MemoryPinStore, startKeyEpoch } from '@parallax/hub-client';
import { startAppProcess, type AppProcess } from '@parallax/test-support';
import { demoLogins, freshTotp, type DemoLogin } from './demo-logins.js';

export interface OwnDemoApp {
  app: AppProcess;
  dataDir: string;
  logins: Map<string, DemoLogin>;
  stop(): Promise<void>;
}

/**
 * A spec's own demo app (trace logging, so a canary check of the output
 * means something), with the group's first key already made by the
 * coordinator's client and sealed to every certified member. For specs
 * whose overlaps would change the shared app's counts, or that dump the
 * database afterwards.
 */
export async function startOwnDemoApp(
  name: string,
  group: string,
  coordinatorEmail: string,
): Promise<OwnDemoApp> {
  const dataDir = await mkdtemp(join(tmpdir(), `parallax-${name}-`));
  const app = await startAppProcess({ dataDir, args: ['--demo'], env: { LOG_LEVEL: 'trace' } });
  const logins = demoLogins(dataDir);
  const login = logins.get(coordinatorEmail);
  if (!login) throw new Error(`No demo login for ${coordinatorEmail}`);
  const session = new HubSession(app.url);
  const me = await session.login(login.email, login.password, await freshTotp(login.totpSecret));
  const { workingGroups } = await session.request<{
    workingGroups: Array<{ id: string; name: string }>;
  }>('{ workingGroups { id name } }');
  const wg = workingGroups.find((g) => g.name === group)?.id;
  if (!wg) throw new Error(`No demo group ${group}`);
  await startKeyEpoch(session.request, wg, me, { pins: new MemoryPinStore() });
  return {
    app,
    dataDir,
    logins,
    async stop() {
      await app.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
