import {
  createLocalEvaluator,
  extractKeys,
  fingerprintPersons,
  generateGroupKey,
  keyInputString,
  type FtmPerson,
} from '@parallax/fingerprint';
import {
  ALWAYS_PRESENT_NAME_KINDS,
  countFingerprintsByKind,
  fingerprintCountProblem,
} from '@parallax/domain';
import { describe, expect, it } from 'vitest';
import {
  importIdempotencyKey,
  importPersons,
  importReference,
  ImportInputError,
  ImportInterrupted,
  validateImportInput,
  type ImportPersonsOptions,
} from './index.js';
import { fakeHub } from './test/fake-hub.js';

const GIVEN = ['Ahmad', 'Olena', 'Karim', 'Iryna', 'Samir', 'Taras', 'Layla', 'Bohdan'];
const FAMILY = ['Haddad', 'Shevchenko', 'Khalil', 'Bondarenko', 'Mansour', 'Kovalchuk'];

function people(n: number, prefix = 'rec'): FtmPerson[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `${prefix}-${i}`,
    schema: 'Person',
    properties: {
      // namesakes on purpose: many keys recur across chunks
      name: [`${GIVEN[i % GIVEN.length]} ${FAMILY[i % FAMILY.length]}`],
      birthDate: [`${1950 + (i % 30)}-0${1 + (i % 9)}-1${i % 9}`],
      ...(i % 5 === 0 ? { passportNumber: [`P${1000000 + i}`] } : {}),
    },
  }));
}

function options(
  hub: ReturnType<typeof fakeHub>,
  groupKey: Uint8Array,
  extra: Partial<ImportPersonsOptions> = {},
): ImportPersonsOptions {
  return {
    request: hub.request,
    workingGroupId: 'wg-1',
    epoch: 1,
    groupKey,
    fields: { status: 'active', situationTags: ['syria'], crimeTags: ['torture'] },
    ...extra,
  };
}

describe('derived idempotency keys and references', () => {
  it('are deterministic, keyed by the group key, and reveal nothing of the record id', () => {
    const k1 = generateGroupKey();
    const k2 = generateGroupKey();
    const key = importIdempotencyKey(k1, 'Ahmad Haddad 1967');
    expect(key).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(importIdempotencyKey(k1, 'Ahmad Haddad 1967')).toBe(key);
    expect(importIdempotencyKey(k2, 'Ahmad Haddad 1967')).not.toBe(key);
    expect(importIdempotencyKey(k1, 'Ahmad Haddad 1968')).not.toBe(key);
    const ref = importReference(k1, 'Ahmad Haddad 1967');
    expect(ref).toMatch(/^IMP-[0-9A-HJKMNP-TV-Z]{10}$/);
    expect(importReference(k1, 'Ahmad Haddad 1967', 'SYR-')).toBe(`SYR-${ref.slice(4)}`);
    expect(importReference(k2, 'Ahmad Haddad 1967')).not.toBe(ref);
  });
});

describe('importPersons', () => {
  it('registers each person once, chunk by chunk, with the same fingerprints as offline; a re-run registers nothing twice', async () => {
    const hub = fakeHub();
    const groupKey = generateGroupKey();
    const persons = people(30);
    const progress: number[] = [];
    const result = await importPersons(
      persons,
      options(hub, groupKey, {
        chunkSize: 7,
        uploadConcurrency: 1,
        onProgress: (p) => progress.push(p.registered),
      }),
    );
    expect(result).toMatchObject({
      total: 30,
      created: 30,
      existing: 0,
      registered: 30,
      withoutFingerprints: [],
    });
    expect(hub.stats().registerCalls).toBe(5);
    expect(progress.at(-1)).toBe(30);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));

    // a key shared by several records is evaluated once in the whole import
    const distinct = new Set(
      persons.flatMap((p) => extractKeys(p).map((k) => keyInputString(k.kind, k.value))),
    );
    expect(result.evaluations).toBe(distinct.size);

    // online fingerprints equal offline ones under the same keys; the hub
    // gets them padded per kind to a size class with random dummies
    const offline = await fingerprintPersons(persons, {
      groupKey,
      evaluator: createLocalEvaluator(hub.oprfKey),
    });
    persons.forEach((p, i) => {
      const stored = hub.cases.get(importIdempotencyKey(groupKey, p.id));
      const real = offline[i]?.fingerprints ?? [];
      expect(stored?.fingerprints).toEqual(expect.arrayContaining([...real]));
      const counts = countFingerprintsByKind(stored?.fingerprints ?? []);
      // The real kinds, and the name kinds every case with a name carries (dummies when absent).
      expect([...counts.keys()].sort()).toEqual(
        [...new Set([...real.map((f) => f.kind), ...ALWAYS_PRESENT_NAME_KINDS])].sort(),
      );
      expect(fingerprintCountProblem(counts)).toBeNull();
      expect(stored?.reference).toBe(importReference(groupKey, p.id));
    });

    const again = await importPersons(persons, options(hub, groupKey, { chunkSize: 7 }));
    expect(again).toMatchObject({ total: 30, created: 0, existing: 30 });
    expect(again.records.map((r) => r.caseId)).toEqual(result.records.map((r) => r.caseId));
    expect(hub.cases.size).toBe(30);
  }, 30_000); // 30 records fingerprinted twice: slow on a loaded machine

  it('sends the hub no record id and no name', async () => {
    const hub = fakeHub();
    const persons = people(12, 'Haddad-file-row');
    await importPersons(persons, options(hub, generateGroupKey(), { chunkSize: 5 }));
    const traffic = hub.sent.join('\n');
    for (const p of persons) expect(traffic).not.toContain(p.id);
    for (const token of [...GIVEN, ...FAMILY, 'P1000000'])
      expect(traffic.toLowerCase()).not.toContain(token.toLowerCase());
  });

  it('uses the caller’s references when given', async () => {
    const hub = fakeHub();
    const groupKey = generateGroupKey();
    const persons = people(4);
    const result = await importPersons(
      persons,
      options(hub, groupKey, { reference: (p) => `CASE ${p.id.slice(4)}` }),
    );
    expect(result.records.map((r) => r.reference)).toEqual([
      'CASE 0',
      'CASE 1',
      'CASE 2',
      'CASE 3',
    ]);
  });

  it('keeps within the budget: registers before asking for more, and never triggers a refusal', async () => {
    const persons = people(40);
    const firstChunkKeys = new Set(
      persons
        .slice(0, 10)
        .flatMap((p) => extractKeys(p).map((k) => keyInputString(k.kind, k.value))),
    ).size;
    // just enough for the first chunk: the second must wait for the first chunk's cases
    const hub = fakeHub({ base: firstChunkKeys + 2, perCase: 60 });
    const result = await importPersons(
      persons,
      options(hub, generateGroupKey(), { chunkSize: 10 }),
    );
    expect(result.created).toBe(40);
    expect(hub.stats().refused).toBe(0);
    expect(result.budget?.allowed).toBeGreaterThan(firstChunkKeys);
  });

  it('stops with the hub’s code when the budget is used up, having registered what it could', async () => {
    const persons = people(40);
    const hub = fakeHub({ base: 60, perCase: 0 });
    const error = await importPersons(
      persons,
      options(hub, generateGroupKey(), { chunkSize: 10 }),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportInterrupted);
    const interrupted = error as ImportInterrupted;
    expect(interrupted.code).toBe('RATE_LIMITED');
    expect(interrupted.progress.registered).toBe(hub.cases.size);
    expect(interrupted.records).toHaveLength(hub.cases.size);
  });

  it('retries a dropped connection', async () => {
    const hub = fakeHub({ failRegister: (call) => call === 2 });
    const result = await importPersons(
      people(30),
      options(hub, generateGroupKey(), { chunkSize: 10, uploadConcurrency: 1 }),
    );
    expect(result.created).toBe(30);
    expect(hub.stats().registerCalls).toBe(4);
  });

  it('continues where it stopped: a re-run after the hub went away registers the rest only', async () => {
    const groupKey = generateGroupKey();
    const persons = people(35);
    let down = false;
    const hub = fakeHub({
      failRegister: (call) => {
        if (call === 3) down = true; // from the third call on, until the hub is back
        return down;
      },
    });
    const error = await importPersons(
      persons,
      options(hub, groupKey, { chunkSize: 10, uploadConcurrency: 1 }),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportInterrupted);
    expect((error as ImportInterrupted).progress).toMatchObject({ registered: 20, created: 20 });
    expect((error as ImportInterrupted).code).toBeNull();
    down = false;
    const again = await importPersons(persons, options(hub, groupKey, { chunkSize: 10 }));
    expect(again).toMatchObject({ created: 15, existing: 20 });
    expect(hub.cases.size).toBe(35);
  });

  it('does not register records without any fingerprint, and says which', async () => {
    const hub = fakeHub();
    const persons: FtmPerson[] = [
      ...people(3),
      { id: 'empty', schema: 'Person', properties: { nationality: ['sy'] } },
    ];
    const result = await importPersons(persons, options(hub, generateGroupKey()));
    expect(result).toMatchObject({ created: 3, registered: 4, withoutFingerprints: ['empty'] });
  });

  it('refuses unusable input before contacting the hub', async () => {
    const hub = fakeHub();
    const dup = [...people(3), { ...people(1)[0], id: 'rec-1' } as FtmPerson];
    await expect(importPersons(dup, options(hub, generateGroupKey()))).rejects.toThrow(
      ImportInputError,
    );
    await expect(
      importPersons(
        people(2),
        options(hub, generateGroupKey(), { reference: () => '-starts with a dash' }),
      ),
    ).rejects.toThrow(/not valid labels/);
    expect(() => validateImportInput(people(2), { referencePrefix: ' ' })).toThrow(/prefix/);
    expect(hub.sent).toHaveLength(0);
  });
});
