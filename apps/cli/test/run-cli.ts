import { vi } from 'vitest';
import { main } from '../src/main.js';

export const FIXTURES = new URL('./fixtures/', import.meta.url).pathname;

/** Runs the CLI in this process, as `parallax ARGV…`, capturing what it prints. */
export async function runCli(
  argv: string[],
): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout += chunk.toString();
    return true;
  });
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stderr += chunk.toString();
    return true;
  });
  process.exitCode = undefined;
  try {
    const code = await main(argv, {
      loadServerCommands: () => Promise.reject(new Error('no server commands in these tests')),
    });
    return { code, stdout, stderr };
  } finally {
    process.exitCode = undefined;
    out.mockRestore();
    err.mockRestore();
  }
}
