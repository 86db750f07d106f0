/**
 * `bench:hub --seed-cache DIR`: the seeded hub kept for later runs. After
 * seeding, the hub is stopped and its data folder copied to DIR with what a
 * later run needs (master key, group, epoch); a run whose seed has the same
 * signature (size, and the keys the current fingerprint library extracts
 * from a sample of the seed) copies it back instead of seeding again.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { extractKeys, keyInputString, type FtmPerson } from '@parallax/fingerprint';

/** `cp -a`: the PostgreSQL cluster belongs to the postgres user, its owner and modes must survive. */
function copyTree(from: string, to: string): void {
  execFileSync('cp', ['-a', `${from}/.`, to]);
}

export interface SeedCacheMeta {
  readonly signature: string;
  readonly masterKey: string;
  readonly wg: string;
  readonly epoch: number;
  readonly seedRows: number;
  readonly distinctKeys: number;
  /** keys fingerprinted through the OPRF (the others got a keyed hash, see --full-seed) */
  readonly realKeys: number;
  readonly fingerprintSeconds: number;
  readonly writeSeconds: number;
}

/** Changes with the sizes and with any change of key extraction (sampled on 500 persons). */
export function seedSignature(sizes: string, persons: readonly FtmPerson[]): string {
  const h = createHash('sha256').update(`${sizes}\n`);
  for (const p of persons.slice(0, 500))
    for (const k of extractKeys(p)) h.update(`${keyInputString(k.kind, k.value)}\n`);
  return h.digest('hex');
}

export async function restoreSeed(
  dir: string,
  signature: string,
  dataDir: string,
): Promise<SeedCacheMeta | null> {
  const metaFile = join(dir, 'bench-seed.json');
  if (!existsSync(metaFile)) return null;
  const meta = JSON.parse(await readFile(metaFile, 'utf8')) as SeedCacheMeta;
  if (meta.signature !== signature) return null;
  copyTree(join(dir, 'data'), dataDir);
  return meta;
}

export async function saveSeed(dir: string, dataDir: string, meta: SeedCacheMeta): Promise<void> {
  await rm(dir, { recursive: true, force: true });
  await mkdir(join(dir, 'data'), { recursive: true });
  copyTree(dataDir, join(dir, 'data'));
  await writeFile(join(dir, 'bench-seed.json'), `${JSON.stringify(meta, null, 2)}\n`);
}
