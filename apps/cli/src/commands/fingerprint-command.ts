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
import { CliError, ExitCode } from '../io/cli-error.js';
import { runOnlineImport, type OnlineOptions } from './fingerprint-online.js';
import { runDryRun } from './import-dry-run.js';
import { readPersonsReported } from './person-input.js';

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

interface FingerprintCommandOptions extends Partial<OnlineOptions> {
  out?: string;
  problems?: string;
  dryRun?: boolean;
  mapping?: string;
  defaultPhoneCountry?: string;
  groupKeyFile?: string;
  oprfKeyFile?: string;
}

const HELP_AFTER = `
Offline mode (no --hub): fingerprints under local keys and writes them to --out.

Online mode (--hub): signs in, unlocks the working group's key on this machine,
fingerprints through the hub's OPRF and registers one case per record, in
chunks (the hub's daily OPRF budget grows with registered cases). Names and
identifiers never leave this machine; nor do record ids: each case's
idempotency key and default reference are keyed hashes (HMAC under the group
key) of the record id. Re-running the same file registers nothing twice
(within the group's current key epoch).

Case references: by default a short label derived from the record id
(IMP-XXXXXXXXXX; change the prefix with --reference-prefix); --receipt FILE
keeps the mapping record id → reference → case id on this machine.
--reference-field uses your own labels instead (a CSV column, or a
JSON Lines property, or "id"): only for case numbers, never for a field that
may hold names — the hub stores references as they are.

Input rules (the web import's): an empty, binary or non-UTF-8 file, or a CSV
without a name column, is refused with one line; a row with a problem (an
invalid birth date, no name, a bad JSON line…) is skipped and reported by
number and column, never its values; --problems FILE lists them all.

Repeated persons: records that make exactly the same keys (names, birth
dates and identifiers once normalised) are imported once, the first of each;
--all-records imports them all. --dry-run reads the file, reports records,
distinct persons, repeats and an estimated time, and sends nothing. While
importing, records not sent yet are "waiting"; only records refused (no
usable name, date or identifier) are "not registered".

Exit codes: 0 done; 1 unexpected error; 2 bad arguments or input (nothing
sent); 3 sign-in failed; 4 working group or group key not available to you;
5 today's fingerprinting budget used up; 6 hub unreachable or refused
part-way (re-run the same command to continue); 7 nothing to do (empty file,
no records, every row skipped); 8 input file unusable (not text, not UTF-8,
no name column, not the format its name says); 130 stopped with Ctrl-C.

Example:
  parallax fingerprint suspects.csv --hub https://parallax.example.org \\
    --working-group "Syria accountability" --email me@org.example \\
    --situation syria --crime torture,enforced_disappearance --receipt receipt.jsonl
`;

/**
 * \`parallax fingerprint IN\`: offline (\`--out FILE\`, local keys) or online
 * (\`--hub URL\`: fingerprint through the hub and register cases).
 */
export function registerFingerprintCommand(program: Command): void {
  program
    .command('fingerprint')
    .description(
      'Fingerprint the persons of a FollowTheMoney JSON Lines or CSV file. Offline (--out): write one JSON line per ' +
        'record {id, schemaVersion, fingerprints: [{kind, fp}]}, the OPRF evaluated locally. Online (--hub): register ' +
        "them as cases of a working group, fingerprinted through the hub's OPRF.",
    )
    .argument('<input>', 'persons (.jsonl FollowTheMoney entities, or .csv with a header row)')
    .option('--out <file>', 'offline: output JSON Lines file')
    .option(
      '--dry-run',
      'read the file and report records, repeated persons and an estimated time; send nothing',
    )
    .option(
      '--all-records',
      'online: import every record, also those repeating a person already in the file (default: each person once)',
    )
    .option('--mapping <file>', 'CSV only: JSON object mapping headers to FtM properties')
    .option(
      '--problems <file>',
      'write the skipped rows as CSV (row, column, problem; never the values) to this file',
    )
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
    .option('--hub <url>', "online: the hub's address (https://…)")
    .option(
      '--working-group <id|name>',
      'online: the working group (needed if you belong to several)',
    )
    .option('--email <address>', 'online: your sign-in e-mail (prompted if omitted)')
    .option(
      '--password-stdin',
      'online: read the password from standard input instead of prompting',
    )
    .option('--totp <code>', 'online: the 6-digit authenticator code (prompted if omitted)')
    .option('--status <status>', 'online: status of the new cases', 'active')
    .option(
      '--situation <list>',
      'online: situation tags of the new cases, comma-separated (e.g. syria)',
    )
    .option('--crime <list>', 'online: crime tags of the new cases, comma-separated (e.g. torture)')
    .option(
      '--reference-field <field>',
      'online: take case references from this CSV column / JSON property (case numbers only, never names)',
    )
    .option(
      '--reference-prefix <prefix>',
      'online: prefix of the derived references (default IMP-)',
    )
    .option(
      '--receipt <file>',
      'online: write record id → reference → case id here (JSON Lines, stays on this machine)',
    )
    .option('--chunk-size <n>', 'online: records per chunk (1–500, default 250)')
    .option('--parallel <n>', 'online: registration calls in flight at once (1–8, default 3)')
    .addHelpText('after', HELP_AFTER)
    .action(async (input: string, opts: FingerprintCommandOptions) => {
      try {
        await fingerprintAction(input, opts);
      } catch (error) {
        if (!(error instanceof CliError)) throw error;
        process.stderr.write(`parallax: ${error.message}\n`);
        process.exitCode = error.exitCode;
      }
    });
}

async function fingerprintAction(input: string, opts: FingerprintCommandOptions): Promise<void> {
  let mapping: CsvMapping | undefined;
  try {
    mapping = opts.mapping ? await readMapping(opts.mapping) : undefined;
  } catch (error) {
    throw new CliError(error instanceof Error ? error.message : String(error), ExitCode.Usage);
  }
  if (opts.dryRun) {
    await runDryRun(input, mapping, opts);
    return;
  }
  if (opts.hub !== undefined) {
    const offlineOnly = (['out', 'groupKeyFile', 'oprfKeyFile'] as const).filter(
      (k) => opts[k] !== undefined,
    );
    if (offlineOnly.length > 0) {
      throw new CliError(
        `--hub registers the cases on the hub: ${offlineOnly.map((k) => `--${k.replace(/[A-Z]/gu, (c) => `-${c.toLowerCase()}`)}`).join(', ')} ` +
          'belong to the offline mode (use --receipt for a local record of the import)',
        ExitCode.Usage,
      );
    }
    await runOnlineImport(input, mapping, {
      ...opts,
      hub: opts.hub,
      status: opts.status ?? 'active',
    });
    return;
  }
  if (opts.out === undefined) {
    throw new CliError(
      'Give --out FILE (offline fingerprints) or --hub URL (register cases on the hub)',
      ExitCode.Usage,
    );
  }
  const out = opts.out;
  const { persons } = await readPersonsReported(input, mapping, opts.problems);
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
  await writeFile(out, lines.length > 0 ? `${lines.join('\n')}\n` : '');
  const fpCount = records.reduce((n, r) => n + r.fingerprints.length, 0);
  const seconds = (Date.now() - started) / 1000;
  process.stderr.write(
    `parallax: ${records.length} records, ${fpCount} fingerprints → ${out} (${seconds.toFixed(1)} s)\n`,
  );
}
