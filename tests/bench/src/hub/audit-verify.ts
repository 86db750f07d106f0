/** `parallax audit verify` on the hub's database: what it printed. */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { REPO_ROOT } from '@parallax/test-support';

export function auditVerify(databaseUrl: string, masterKey: Buffer): Promise<string> {
  return new Promise<string>((resolve) => {
    const child = spawn(
      process.execPath,
      [join(REPO_ROOT, 'apps/cli/bin/parallax.js'), 'audit', 'verify'],
      {
        cwd: REPO_ROOT,
        env: {
          ...process.env,
          PARALLAX_SKIP_BUILD: '1',
          DATABASE_URL: databaseUrl,
          JOBS_ENABLED: 'false',
          PARALLAX_MASTER_KEY: masterKey.toString('base64'),
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let text = '';
    child.stdout.on('data', (d: Buffer) => (text += d.toString()));
    child.stderr.on('data', (d: Buffer) => (text += d.toString()));
    child.on('exit', () => resolve(text.trim()));
  });
}
