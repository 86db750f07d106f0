import {
  CSV_PERSON_PROPERTIES,
  extractKeys,
  fingerprintPersons,
  parsePersonsCsv,
  parsePersonsJsonl,
  type ExtractKeysOptions,
  type Fingerprint,
  type FtmPerson,
  type OprfEvaluator,
} from '@parallax/fingerprint';
import { nameLimitProblem } from '@parallax/hub-client';
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
    const text = await job.file.text();
    let persons: FtmPerson[];
    let mapping: ImportPreview['mapping'] = null;
    let unreadable: number[];
    let skipped = 0;
    if (job.format === 'csv') {
      const parsed = parsePersonsCsv(text, job.mapping ? { mapping: job.mapping } : {});
      persons = parsed.persons;
      mapping = Object.entries(parsed.mapping).map(([header, target]) => ({ header, target }));
      unreadable = parsed.warnings
        .map((w) => Number(/^row (\d+)/u.exec(w)?.[1]))
        .filter((n) => Number.isInteger(n) && n > 0);
    } else {
      // The CLI's rules: bad lines skipped by number, ids derived from content when missing.
      const parsed = parsePersonsJsonl(text);
      persons = parsed.persons;
      unreadable = parsed.skippedLines.map((s) => s.line);
      skipped = parsed.otherSchema;
    }
    this.persons = persons;

    const options = extractOptions(job.defaultPhoneCountry);
    const distinct = new Set<string>();
    let keys = 0;
    let withoutKeys = 0;
    let tooManyNames = 0;
    for (const person of persons) {
      if (nameLimitProblem(person) !== null) {
        tooManyNames++;
        continue;
      }
      const list = extractKeys(person, options);
      if (list.length === 0) withoutKeys++;
      keys += list.length;
      for (const k of list) distinct.add(`${k.kind}\u0000${k.value}`);
    }
    const seen = new Set<string>();
    let duplicateIds = 0;
    for (const person of persons) {
      if (seen.has(person.id)) duplicateIds++;
      seen.add(person.id);
    }
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
      tooManyNames,
      mapping,
      targets,
      hasIdColumn: job.format === 'jsonl' || (mapping ?? []).some((m) => m.target === 'id'),
      skipped,
      unreadable: unreadable.slice(0, MAX_UNREADABLE_LISTED),
      samples: persons.slice(0, SAMPLES).map(sample),
    };
  }

  private async chunk(
    job: ChunkJob,
    evaluator: OprfEvaluator,
    onProgress: ProgressListener,
  ): Promise<ChunkResult> {
    const slice = this.persons.slice(job.start, job.end);
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
  }
}
