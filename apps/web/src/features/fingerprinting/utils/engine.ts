import {
  CSV_PERSON_PROPERTIES,
  extractKeys,
  fingerprintPersons,
  readImportFile,
  referenceNameCheck,
  type ExtractKeysOptions,
  type Fingerprint,
  type FtmPerson,
  type OprfEvaluator,
} from '@parallax/fingerprint';
import {
  DuplicateDetector,
  measureClientMsPerRecord,
  nameLimitProblem,
} from '@parallax/hub-client';
import { CSV_IDENTIFIER_TYPES } from './engine-constants';
import { maskValue } from './masking';
import type {
  ChunkJob,
  ChunkResult,
  FingerprintJob,
  ImportPreview,
  JobResults,
  MaskedSample,
  ParseJob,
  PersonJob,
  PersonResult,
} from './protocol';

/** Keys per request to the hub: small enough for a slow connection, large enough to be quick. */
export const EVALUATION_BATCH = 1000;
const SAMPLES = 3;
const MAX_UNREADABLE_LISTED = 20;

export type ProgressListener = (done: number, total: number) => void;

function extractOptions(defaultPhoneCountry: string | undefined): ExtractKeysOptions {
  return defaultPhoneCountry ? { defaultPhoneCountry } : {};
}

function sample(person: FtmPerson): MaskedSample {
  const fields: MaskedSample['fields'] = [];
  for (const [property, raw] of Object.entries(person.properties)) {
    const values = (typeof raw === 'string' ? [raw] : (raw ?? [])).filter((v) => v.trim());
    if (values.length > 0) fields.push({ property, values: values.map(maskValue) });
  }
  for (const { type, value } of person.identifiers ?? []) {
    fields.push({ property: `identifier:${type}`, values: [maskValue(value)] });
  }
  return { fields };
}

/**
 * Everything that touches plaintext identifiers, in one place: runs inside
 * the fingerprint worker (and in-process in tests). It keeps an imported
 * file's persons between the dry run and the import, and hands out only
 * fingerprints, counts and masked samples.
 */
export class FingerprintEngine {
  private persons: FtmPerson[] = [];
  /** Each person's first record only (the import's default when the file repeats persons). */
  private distinct: FtmPerson[] = [];
  /** The reference prefix the kept persons were checked against. */
  private referencePrefix = '';

  run<K extends FingerprintJob['kind']>(
    job: Extract<FingerprintJob, { kind: K }>,
    evaluator: OprfEvaluator,
    onProgress: ProgressListener,
  ): Promise<JobResults[K]>;
  async run(
    job: FingerprintJob,
    evaluator: OprfEvaluator,
    onProgress: ProgressListener,
  ): Promise<JobResults[keyof JobResults]> {
    switch (job.kind) {
      case 'person':
        return this.person(job, evaluator, onProgress);
      case 'parse':
        return this.parse(job);
      case 'chunk':
        return this.chunk(job, evaluator, onProgress);
    }
  }

  private async person(
    job: PersonJob,
    evaluator: OprfEvaluator,
    onProgress: ProgressListener,
  ): Promise<PersonResult> {
    const [record] = await fingerprintPersons([job.person], {
      ...extractOptions(job.defaultPhoneCountry),
      groupKey: job.groupKey,
      evaluator,
      batchSize: EVALUATION_BATCH,
      onProgress: ({ done, total }) => onProgress(done, total),
    });
    return { fingerprints: [...(record?.fingerprints ?? [])] };
  }

  private async parse(job: ParseJob): Promise<ImportPreview> {
    // The CLI's rules (@parallax/fingerprint readImportFile): the bytes are checked
    // before parsing, a row with a problem is skipped and reported, never its values.
    // The reference goes to the hub in clear: no row's names may be in its prefix.
    const referencePrefix = job.referencePrefix ?? '';
    const read = readImportFile(new Uint8Array(await job.file.arrayBuffer()), {
      format: job.format,
      mapping: job.format === 'csv' ? job.mapping : undefined,
      rowChecks: [referenceNameCheck(referencePrefix)],
    });
    const persons = read.persons;
    const mapping: ImportPreview['mapping'] =
      job.format === 'csv' && read.headers.length > 0
        ? read.headers.map((header) => ({ header, target: read.mapping[header] ?? 'ignore' }))
        : null;
    const unreadable = read.rowProblems
      .filter((p) => p.code === 'bad_json_line' || p.code === 'malformed_row')
      .map((p) => p.row);
    const skipped = read.otherSchema;
    this.persons = persons;
    this.referencePrefix = referencePrefix;

    const options = extractOptions(job.defaultPhoneCountry);
    const distinct = new Set<string>();
    const duplicates = new DuplicateDetector();
    this.distinct = [];
    let keys = 0;
    let withoutKeys = 0;
    let tooManyNames = 0;
    // A row written exactly as an earlier one is not read again (import-duplicates.ts).
    const keysOf = (p: FtmPerson) =>
      nameLimitProblem(p) === null ? extractKeys(p, options) : null;
    for (const person of persons) {
      const seen = duplicates.addPerson(person, keysOf);
      if (!seen.duplicate) this.distinct.push(person);
      if (seen.keyCount < 0) {
        tooManyNames++;
        continue;
      }
      if (seen.keyCount === 0) withoutKeys++;
      keys += seen.keyCount;
      for (const k of seen.keys ?? []) distinct.add(`${k.kind}\u0000${k.value}`);
    }
    const duplicateIds = duplicates.report().repeatedIds;
    const targets = [
      'ignore',
      'id',
      ...CSV_PERSON_PROPERTIES,
      ...CSV_IDENTIFIER_TYPES.map((t) => `identifier:${t}`),
    ];
    for (const m of mapping ?? []) if (!targets.includes(m.target)) targets.push(m.target);
    return {
      format: job.format,
      records: persons.length,
      keys,
      distinctKeys: distinct.size,
      withoutKeys,
      duplicateIds,
      duplicates: duplicates.report(),
      clientMsPerRecord: await measureClientMsPerRecord(this.distinct, options),
      tooManyNames,
      mapping,
      targets,
      hasIdColumn: job.format === 'jsonl' || (mapping ?? []).some((m) => m.target === 'id'),
      skipped,
      unreadable: unreadable.slice(0, MAX_UNREADABLE_LISTED),
      fileProblem: read.problem,
      rowProblems: read.rowProblems,
      referencePrefix,
      samples: persons.slice(0, SAMPLES).map(sample),
    };
  }

  private async chunk(
    job: ChunkJob,
    evaluator: OprfEvaluator,
    onProgress: ProgressListener,
  ): Promise<ChunkResult> {
    // Rows were screened against one prefix: another one could carry a name the screen never saw.
    if (job.referencePrefix !== undefined && job.referencePrefix !== this.referencePrefix)
      throw new Error('The reference prefix changed since the file was read: read it again');
    const slice = (job.distinctOnly ? this.distinct : this.persons).slice(job.start, job.end);
    // A record with more names than one person has is not fingerprinted (no
    // evaluation spent): it yields no fingerprints and is not registered,
    // exactly as in the CLI (libs/hub-client local-fingerprints.ts).
    const within = slice.filter((p) => nameLimitProblem(p) === null);
    const byPerson = new Map<FtmPerson, readonly Fingerprint[]>();
    const done = await fingerprintPersons(within, {
      ...extractOptions(job.defaultPhoneCountry),
      groupKey: job.groupKey,
      evaluator,
      batchSize: EVALUATION_BATCH,
      onProgress: ({ done, total }) => onProgress(done, total),
    });
    within.forEach((p, i) => byPerson.set(p, done[i]?.fingerprints ?? []));
    return {
      records: slice.map((person, i) => ({
        index: job.start + i,
        recordId: person.id,
        fingerprints: [...(byPerson.get(person) ?? [])],
      })),
    };
  }

  /** Forgets the imported file. */
  clear(): void {
    this.persons = [];
    this.distinct = [];
    this.referencePrefix = '';
  }
}
