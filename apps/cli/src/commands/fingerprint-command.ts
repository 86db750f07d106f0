import { readFile, writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import cliProgress from 'cli-progress';
import {
  createLocalEvaluator,
  fingerprintPersons,
  FINGERPRINT_SCHEMA_VERSION,
  generateGroupKey,
  generateOprfKey,
  type CsvMapping,
} from '@parallax/fingerprint';
import { readPersons } from './person-input.js';

/** Reads a 32-byte key written as 64 hex digits or base64/base64url in a file. */
export async function readKeyFile(path: string, what: string): Promise<Uint8Array> {
  const text = (await readFile(path, 'utf8')).trim();
  let bytes: Uint8Array;
  if (/^[0-9a-fA-F]{64}$/u.test(text)) bytes = Uint8Array.from(Buffer.from(text, 'hex'));
  else bytes = Uint8Array.from(Buffer.from(text.replace(/-/gu, '+').replace(/_/gu, '/'), 'base64'));
  if (bytes.length !== 32)
    throw new Error(`${what} file ${path}: expected 32 bytes (64 hex digits or base64)`);
  return bytes;
}

async function readMapping(path: string): Promise<CsvMapping> {
  const value: unknown = JSON.parse(await readFile(path, 'utf8'));
  if (
    typeof value !== 'object' ||
    value === null ||
    Array.isArray(value) ||
    !Object.values(value).every((v) => typeof v === 'string')
  ) {
    throw new Error(
      `${path}: a CSV mapping is a JSON object {"Header": "ftmProperty" | "id" | "identifier:<type>" | "ignore"}`,
    );
  }
  return value as CsvMapping;
}

interface FingerprintCommandOptions {
  out: string;
  mapping?: string;
  defaultPhoneCountry?: string;
  groupKeyFile?: string;
  oprfKeyFile?: string;
}

/** `parallax fingerprint IN --out FILE`: batch fingerprinting with a progress bar (offline evaluator for now). */
export function registerFingerprintCommand(program: Command): void {
  program
    .command('fingerprint')
    .description(
      'Fingerprint the persons of a FollowTheMoney JSON Lines or CSV file; write one JSON line per record ' +
        '{id, schemaVersion, fingerprints: [{kind, fp}]}. Offline mode: the OPRF is evaluated locally.',
    )
    .argument('<input>', 'persons (.jsonl FollowTheMoney entities, or .csv with a header row)')
    .requiredOption('--out <file>', 'output JSON Lines file')
    .option('--mapping <file>', 'CSV only: JSON object mapping headers to FtM properties')
    .option(
      '--default-phone-country <CC>',
      'ISO country for phone numbers without an international prefix',
    )
    .option(
      '--group-key-file <file>',
      "the working group's 32-byte key (hex or base64); default: a throw-away key",
    )
    .option(
      '--oprf-key-file <file>',
      'offline OPRF secret key (32 bytes, hex or base64); default: a throw-away key',
    )
    .action(async (input: string, opts: FingerprintCommandOptions) => {
      const mapping = opts.mapping ? await readMapping(opts.mapping) : undefined;
      const { persons, skipped, warnings } = await readPersons(input, mapping);
      if (skipped > 0) process.stderr.write(`parallax: skipped ${skipped} non-Person entities\n`);
      for (const w of warnings) process.stderr.write(`parallax: ${w}\n`);
      const groupKey = opts.groupKeyFile
        ? await readKeyFile(opts.groupKeyFile, 'group key')
        : generateGroupKey();
      const oprfKey = opts.oprfKeyFile
        ? await readKeyFile(opts.oprfKeyFile, 'OPRF key')
        : generateOprfKey();
      if (!opts.groupKeyFile || !opts.oprfKeyFile) {
        process.stderr.write(
          'parallax: using throw-away keys: these fingerprints are comparable only with others made with the same keys\n',
        );
      }
      const bar = new cliProgress.SingleBar(
        {
          stream: process.stderr,
          format: 'fingerprinting [{bar}] {value}/{total} records | {eta_formatted} left',
          hideCursor: true,
        },
        cliProgress.Presets.shades_classic,
      );
      const started = Date.now();
      bar.start(persons.length, 0);
      const records = await fingerprintPersons(persons, {
        groupKey,
        evaluator: createLocalEvaluator(oprfKey),
        onProgress: ({ done }) => bar.update(done),
        ...(opts.defaultPhoneCountry ? { defaultPhoneCountry: opts.defaultPhoneCountry } : {}),
      });
      bar.stop();
      groupKey.fill(0);
      oprfKey.fill(0);
      const lines = records.map((r) =>
        JSON.stringify({
          id: r.id,
          schemaVersion: FINGERPRINT_SCHEMA_VERSION,
          fingerprints: r.fingerprints,
        }),
      );
      await writeFile(opts.out, lines.length > 0 ? `${lines.join('\n')}\n` : '');
      const fpCount = records.reduce((n, r) => n + r.fingerprints.length, 0);
      const seconds = (Date.now() - started) / 1000;
      process.stderr.write(
        `parallax: ${records.length} records, ${fpCount} fingerprints → ${opts.out} (${seconds.toFixed(1)} s)\n`,
      );
    });
}
