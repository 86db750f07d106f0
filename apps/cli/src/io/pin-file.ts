import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { parseGroupPins, type PinStore } from '@parallax/hub-client';
import type { GroupPins } from '@parallax/identity';

/**
 * The CLI's coordinator pins (trust on first use, see @parallax/identity
 * key-trust): a JSON file in the user's config folder, readable by the
 * user only. Scoped by hub, user and working group:
 *
 *   { "version": 1, "hubs": { "<hub url>": { "<user id>": { "<group id>": { "<coordinator id>": pin } } } } }
 *
 * Deleting the file makes the next run trust the group's coordinator on
 * first use again; keep it (it is what notices a coordinator key change).
 */
export function defaultPinFile(env: NodeJS.ProcessEnv = process.env): string {
  if (env['PARALLAX_CONFIG_DIR']) return join(env['PARALLAX_CONFIG_DIR'], 'pins.json');
  if (process.platform === 'win32' && env['APPDATA'])
    return join(env['APPDATA'], 'parallax', 'pins.json');
  const base = env['XDG_CONFIG_HOME'] || join(homedir(), '.config');
  return join(base, 'parallax', 'pins.json');
}

type PinDocument = { version: 1; hubs: Record<string, Record<string, Record<string, GroupPins>>> };

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

export class PinFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PinFileError';
  }
}

export class FilePinStore implements PinStore {
  constructor(
    private readonly path: string,
    private readonly hub: string,
  ) {}

  private async read(): Promise<PinDocument> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { version: 1, hubs: {} };
      throw error;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      // Never start over silently: that would re-trust coordinators on first use.
      throw new PinFileError(
        `${this.path} is not valid JSON; fix or delete it (deleting re-trusts coordinators on first use)`,
      );
    }
    if (!isObject(parsed) || parsed['version'] !== 1 || !isObject(parsed['hubs']))
      throw new PinFileError(`${this.path} is not a Parallax pin file (version 1)`);
    return parsed as PinDocument;
  }

  async load(viewerUserId: string, workingGroupId: string): Promise<GroupPins> {
    const doc = await this.read();
    return parseGroupPins(doc.hubs[this.hub]?.[viewerUserId]?.[workingGroupId]);
  }

  async save(viewerUserId: string, workingGroupId: string, pins: GroupPins): Promise<void> {
    const doc = await this.read();
    const hub = (doc.hubs[this.hub] ??= {});
    const user = (hub[viewerUserId] ??= {});
    user[workingGroupId] = { ...pins };
    await mkdir(dirname(this.path), { recursive: true, mode: 0o700 });
    // Write then rename: an interrupted run never leaves half a file.
    const tmp = `${this.path}.${process.pid}.tmp`;
    await writeFile(tmp, `${JSON.stringify(doc, null, 2)}\n`, { mode: 0o600 });
    await rename(tmp, this.path);
  }
}
