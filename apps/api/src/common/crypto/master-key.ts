import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';

export interface MasterKeySource {
  /** base64 of 32 random bytes, from the environment (e.g. a secret store). */
  inline?: string | undefined;
  /** Path of a file holding the base64 key. */
  file?: string | undefined;
  /** Where to create a key on first start when neither is given. */
  defaultFile: string;
}

function decode(text: string, where: string): Buffer {
  const key = Buffer.from(text.trim(), 'base64');
  if (key.length !== 32) throw new Error(`The master key in ${where} must be 32 bytes, base64-encoded`);
  return key;
}

/**
 * Loads the server master key, which encrypts secrets at rest in the database
 * (TOTP seeds, hub OPRF keys). It must live apart from database backups: a
 * backup without the key reveals none of those secrets. On a single machine a
 * key file is created beside the data folder on first start.
 */
export async function loadMasterKey(src: MasterKeySource): Promise<{ key: Buffer; created: boolean; where: string }> {
  if (src.inline) return { key: decode(src.inline, 'PARALLAX_MASTER_KEY'), created: false, where: 'PARALLAX_MASTER_KEY' };
  const file = resolve(src.file ?? src.defaultFile);
  if (existsSync(file)) return { key: decode(await readFile(file, 'utf8'), file), created: false, where: file };
  if (src.file) throw new Error(`PARALLAX_MASTER_KEY_FILE points to ${file}, which does not exist`);
  await mkdir(dirname(file), { recursive: true });
  const key = randomBytes(32);
  await writeFile(file, key.toString('base64') + '\n', { mode: 0o600, flag: 'wx' });
  return { key, created: true, where: file };
}
