import { CASE_STATUSES, CRIME_CATEGORIES, SITUATIONS } from '@parallax/domain';
import { referenceNameCheck, type CsvMapping, type FtmPerson } from '@parallax/fingerprint';
import {
  DEFAULT_REFERENCE_PREFIX,
  HubSession,
  earlierGroupKeys,
  fetchReferencePattern,
  findDuplicatePersons,
  importPersons,
  type EarlierGroupKey,
  ImportInputError,
  ImportInterrupted,
  validateImportInput,
  type ImportResult,
} from '@parallax/hub-client';
import { CliError, ExitCode } from '../io/cli-error.js';
import { defaultPinFile, FilePinStore } from '../io/pin-file.js';
import {
  assertSameSchema,
  openGroupKeyVerified,
  sealForWaitingMembers,
} from './group-key-access.js';
import { hubFailure } from './hub-failure.js';
import { credentials, resolveWorkingGroup } from './hub-sign-in.js';
import { duplicateLines } from './import-dry-run.js';
import { screenReferenceRows } from './reference-screen.js';
import { overlapSummary, progressReporter, summarise, writeReceipt } from './import-report.js';
import { readPersonsReported, readReferenceField } from './person-input.js';

export interface OnlineOptions {
  hub: string;
  workingGroup?: string;
  email?: string;
  passwordStdin?: boolean;
  totp?: string;
  status: string;
  situation?: string;
  crime?: string;
  referenceField?: string;
  referencePrefix?: string;
  chunkSize?: string;
  parallel?: string;
  receipt?: string;
  defaultPhoneCountry?: string;
  /** Import every record, also repeats of a person already in the file. */
  allRecords?: boolean;
  /** Where to write the skipped rows (CSV, no values). */
  problems?: string;
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

/** The hub's base URL: https, or http on this machine only (the login key must not cross a network in clear). */
export function parseHubUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new CliError(
      `--hub: "${value}" is not a URL (e.g. https://parallax.example.org)`,
      ExitCode.Usage,
    );
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK.has(url.hostname))) {
    throw new CliError(
      '--hub must be an https:// address (plain http only for a hub on this machine)',
      ExitCode.Usage,
    );
  }
  return url.href.replace(/\/+$/u, '');
}

/** A comma-separated list, each item one of `allowed`. */
export function parseList<T extends string>(
  value: string | undefined,
  allowed: readonly T[],
  option: string,
): T[] {
  if (value === undefined) return [];
  const known = (s: string): s is T => (allowed as readonly string[]).includes(s);
  const items = value
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter((s) => s.length > 0);
  const bad = items.filter((s) => !known(s));
  if (bad.length > 0) {
    throw new CliError(
      `${option}: unknown value ${bad.map((b) => `"${b}"`).join(', ')}; one of: ${allowed.join(', ')}`,
      ExitCode.Usage,
    );
  }
  return [...new Set(items.filter(known))];
}
export async function runOnlineImport(
  input: string,
  mappingFile: CsvMapping | undefined,
  opts: OnlineOptions,
): Promise<void> {
  const hub = parseHubUrl(opts.hub);
  const [status] = parseList(opts.status, CASE_STATUSES, '--status');
  if (status === undefined || opts.status.includes(',')) {
    throw new CliError(`--status: one of ${CASE_STATUSES.join(', ')}`, ExitCode.Usage);
  }
  const situationTags = parseList(opts.situation, SITUATIONS, '--situation');
  const crimeTags = parseList(opts.crime, CRIME_CATEGORIES, '--crime');
  const chunkSize = opts.chunkSize === undefined ? undefined : Number(opts.chunkSize);
  if (
    chunkSize !== undefined &&
    (!Number.isInteger(chunkSize) || chunkSize < 1 || chunkSize > 500)
  ) {
    throw new CliError('--chunk-size: a whole number from 1 to 500', ExitCode.Usage);
  }
  const parallel = opts.parallel === undefined ? undefined : Number(opts.parallel);
  if (parallel !== undefined && (!Number.isInteger(parallel) || parallel < 1 || parallel > 8)) {
    throw new CliError('--parallel: a whole number from 1 to 8', ExitCode.Usage);
  }

  let persons: FtmPerson[];
  let references: Map<string, string> | undefined;
  try {
    // Derived references share the prefix: a row whose names are in it is skipped as the web
    // import skips it, and listed with the other row problems (the prefix is no row's own).
    const prefixCheck = opts.referenceField
      ? []
      : [referenceNameCheck(opts.referencePrefix ?? DEFAULT_REFERENCE_PREFIX)];
    persons = (await readPersonsReported(input, mappingFile, opts.problems, prefixCheck)).persons;
    if (opts.referenceField)
      references = await readReferenceField(input, opts.referenceField, mappingFile);
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(error instanceof Error ? error.message : String(error), ExitCode.Usage);
  }
  if (persons.some((p) => /^row-\d+$/u.test(p.id))) {
    process.stderr.write(
      'parallax: some rows have no id column value: their ids are row numbers, so re-running is safe only with the rows in the same order\n',
    );
  }
  // Repeats of a person would only spend budget and time on identical cases (import-duplicates.ts).
  const repeats = findDuplicatePersons(
    persons,
    opts.defaultPhoneCountry ? { defaultPhoneCountry: opts.defaultPhoneCountry } : {},
  );
  for (const line of duplicateLines(repeats.report, opts.allRecords !== true))
    process.stderr.write(`parallax: ${line}\n`);
  if (opts.allRecords !== true) persons = repeats.distinct;
  const reference = references
    ? (p: FtmPerson): string | undefined => references.get(p.id)
    : undefined;
  try {
    validateImportInput(persons, {
      ...(reference ? { reference } : {}),
      ...(opts.referencePrefix !== undefined ? { referencePrefix: opts.referencePrefix } : {}),
    });
  } catch (error) {
    if (error instanceof ImportInputError)
      throw new CliError(`${input}: ${error.message}`, ExitCode.Usage);
    throw error;
  }
  // The reference reaches the hub in clear: none may carry a name of its record (checked before signing in).
  const referenceOptions = {
    ...(reference ? { reference } : {}),
    ...(opts.referencePrefix !== undefined ? { referencePrefix: opts.referencePrefix } : {}),
  };
  persons = screenReferenceRows(input, persons, referenceOptions);

  const { email, password, totp } = await credentials(opts);
  const session = new HubSession(hub);
  let me: Awaited<ReturnType<HubSession['login']>>;
  try {
    me = await session.login(email, password, totp);
    // The organisation's reference pattern, as the hub will enforce it: checked here first.
    const pattern = me.organisationId
      ? await fetchReferencePattern(session.request, me.organisationId)
      : null;
    if (pattern !== null)
      persons = screenReferenceRows(input, persons, { ...referenceOptions, pattern });
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw hubFailure(error, hub);
  }
  let groupKey: Uint8Array | undefined;
  let earlier: EarlierGroupKey[] = [];
  const pins = new FilePinStore(defaultPinFile(), hub);
  try {
    const group = await resolveWorkingGroup(session, opts.workingGroup);
    const unlocked = await openGroupKeyVerified(session.request, group, me, pins);
    groupKey = unlocked.groupKey;
    await sealForWaitingMembers(session.request, group, unlocked, me, pins, (line) =>
      process.stderr.write(`parallax: ${line}\n`),
    );
    assertSameSchema(group, unlocked);

    process.stderr.write(
      `parallax: importing ${persons.length} records into "${group.name}" (key epoch ${unlocked.epoch})\n`,
    );
    earlier = await earlierGroupKeys(session.request, group.id, me).catch(() => []);
    const abort = new AbortController();
    const onSigint = (): void => {
      if (abort.signal.aborted) process.exit(130);
      process.stderr.write(
        '\nparallax: stopping after the current chunk (press Ctrl-C again to quit at once)\n',
      );
      abort.abort(new Error('Stopped by the user'));
    };
    process.on('SIGINT', onSigint);
    const reporter = progressReporter(persons.length);
    const started = performance.now();
    let result: ImportResult;
    try {
      result = await importPersons(persons, {
        request: session.request,
        workingGroupId: group.id,
        epoch: unlocked.epoch,
        groupKey,
        // After a key rotation, the same records update their cases instead of doubling them.
        earlierGroupKeys: earlier,
        fields: { status, situationTags, crimeTags },
        ...(reference ? { reference } : {}),
        ...(opts.referencePrefix !== undefined ? { referencePrefix: opts.referencePrefix } : {}),
        ...(chunkSize !== undefined ? { chunkSize } : {}),
        ...(parallel !== undefined ? { uploadConcurrency: parallel } : {}),
        ...(opts.defaultPhoneCountry ? { defaultPhoneCountry: opts.defaultPhoneCountry } : {}),
        onProgress: reporter.update,
        signal: abort.signal,
      });
    } catch (error) {
      reporter.stop();
      if (!(error instanceof ImportInterrupted)) throw error;
      if (opts.receipt) await writeReceipt(opts.receipt, error.records);
      const p = error.progress;
      process.stderr.write(
        `parallax: stopped after ${p.registered} of ${p.total} records (${p.created} cases created, ${p.existing} already registered, ` +
          `${p.noFingerprints} not registered for want of a usable identifier); ${p.total - p.next} waiting, not sent yet. ` +
          'Running the same command again continues: registered cases are recognised, none is registered twice.\n',
      );
      if (abort.signal.aborted) throw new CliError('Stopped by the user', 130);
      throw error.reason instanceof CliError ? error.reason : hubFailure(error.reason, hub);
    } finally {
      process.off('SIGINT', onSigint);
    }
    reporter.stop();
    const seconds = (performance.now() - started) / 1000;
    process.stderr.write(summarise(result, result.withoutFingerprints.length, seconds));
    if (repeats.report.duplicates > 0 && opts.allRecords !== true) {
      process.stderr.write(
        `parallax: ${repeats.report.duplicates} records repeating a person already in the file were skipped (each person imported once)\n`,
      );
    }
    if (opts.receipt) {
      await writeReceipt(opts.receipt, result.records);
      process.stderr.write(
        `parallax: receipt (record id → case reference, case id) written to ${opts.receipt}; keep it with your records\n`,
      );
    }
    try {
      process.stderr.write(
        await overlapSummary(session, group.id, new Set(result.records.map((r) => r.caseId))),
      );
    } catch {
      // The summary is a courtesy: the import itself succeeded.
    }
  } catch (error) {
    throw error instanceof CliError ? error : hubFailure(error, hub);
  } finally {
    groupKey?.fill(0);
    for (const k of earlier) k.groupKey.fill(0);
    me.privateKey.fill(0);
    me.signingPrivateKey.fill(0);
    await session.logout();
  }
}
