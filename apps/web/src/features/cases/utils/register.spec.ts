import {
  ALWAYS_PRESENT_NAME_KINDS,
  countFingerprintsByKind,
  fingerprintCountProblem,
} from '@parallax/domain';
import {
  createLocalEvaluator,
  evaluate,
  FINGERPRINT_SCHEMA_VERSION,
  extractKeys,
  fingerprintPersons,
  generateOprfKey,
} from '@parallax/fingerprint';
import {
  fromBase64,
  HubError,
  runImport,
  toBase64,
  type HubRequest,
  type ImportedRecord,
  type RunImportOptions,
} from '@parallax/hub-client';
import { describe, expect, it } from 'vitest';
import type { Fingerprinter } from '../../fingerprinting/utils/fingerprinter';
import { createInProcessFingerprinter } from '../../fingerprinting/utils/in-process';
import { workerChunkFingerprinter } from '../../import/utils/worker-fingerprints';
import { personFromForm } from './person-form';
import { registerPersonCase } from './register';

/**
 * The security floor of the client: whatever the form or the file holds,
 * nothing of it reaches a GraphQL variable. A spy stands in for the hub: it
 * evaluates the OPRF with a key of its own (as the hub does) and records
 * every request.
 */
const CANARIES = {
  name: 'Zqxvorth Canarybird',
  arabic: 'زقسفورث كناريبيرد',
  alias: 'Quillimot Fenwrax',
  passport: 'CNRY7741920',
  nationalId: 'NID-88812345',
  phone: '+380 44 555 0199',
  email: 'zqxvorth.canary@example.org',
  handle: 'zqxvorth_canary',
  plate: 'CNR 4471',
  recordId: 'canary-record-0042',
};

function spyHub() {
  const oprfKey = generateOprfKey();
  const calls: Array<{ query: string; variables: Record<string, unknown> }> = [];
  let nextCase = 1;
  const request = (async (query: string, variables: Record<string, unknown> = {}) => {
    calls.push({ query, variables });
    if (query.includes('evaluateOprf')) {
      const blinded = (variables['blinded'] as string[]).map(fromBase64);
      const evaluated = await evaluate(oprfKey, blinded);
      return {
        evaluateOprf: { evaluatedElements: evaluated.map(toBase64), usedToday: 1, allowedToday: 9 },
      };
    }
    if (query.includes('registerCases')) {
      const cases = variables['cases'] as Array<{ idempotencyKey: string }>;
      return {
        registerCases: cases.map((c) => ({
          idempotencyKey: c.idempotencyKey,
          caseId: `case-${nextCase++}`,
          created: true,
        })),
      };
    }
    throw new Error(`unexpected request: ${query}`);
  }) as HubRequest;
  return { request, calls, oprfKey };
}

/** Every form a canary could take on the wire: as typed, folded, and its normalised keys. */
function needles(keyValues: string[]): string[] {
  return [
    ...Object.values(CANARIES),
    'zqxvorth',
    'canarybird',
    'CNRY7741920',
    '380445550199',
    ...keyValues,
  ]
    .flatMap((n) => [n, n.toLowerCase(), n.toUpperCase()])
    .filter((n) => n.length >= 6);
}

const groupKey = new Uint8Array(32).fill(9);

/** The web import: the shared orchestrator, fingerprinting in the (here in-process) worker. */
function webImport(
  request: HubRequest,
  fingerprinter: Fingerprinter,
  options: Pick<RunImportOptions, 'total' | 'chunkSize' | 'fields'>,
) {
  return runImport({
    request,
    workingGroupId: 'group-1',
    epoch: 1,
    groupKey,
    referencePrefix: 'IMP-',
    fingerprintChunk: workerChunkFingerprinter(fingerprinter, { groupKey }),
    ...options,
  });
}
const meta = {
  reference: 'CAN-001',
  status: 'active',
  situationTags: ['syria'],
  crimeTags: ['torture'],
};

describe('the registration path', () => {
  it('sends blinded elements, fingerprints, the label and the tags — never the identifiers', async () => {
    const hub = spyHub();
    const person = personFromForm({
      names: [CANARIES.name, CANARIES.arabic],
      aliases: [CANARIES.alias],
      birthDates: ['1967-11-23'],
      nationalities: ['UA'],
      passportNumbers: [CANARIES.passport],
      idNumbers: [CANARIES.nationalId],
      phones: [CANARIES.phone],
      emails: [CANARIES.email],
      identifiers: [
        { type: 'telegram', value: `@${CANARIES.handle}` },
        { type: 'plate', value: CANARIES.plate },
      ],
    });
    const registration = await registerPersonCase({
      request: hub.request,
      fingerprinter: createInProcessFingerprinter(),
      workingGroupId: 'group-1',
      epoch: 1,
      groupKey,
      person,
      meta,
      idempotencyKey: 'key-of-this-submission-0001',
    });
    expect(registration).toEqual({
      idempotencyKey: 'key-of-this-submission-0001',
      caseId: 'case-1',
      created: true,
    });

    const keys = extractKeys(person);
    expect(keys.length).toBeGreaterThan(20);
    const wire = JSON.stringify(hub.calls.map((c) => c.variables));
    for (const needle of needles(keys.map((k) => k.value))) expect(wire).not.toContain(needle);

    // What was sent is the person's fingerprints under this group key, each
    // kind padded to a size class with random dummies (and nothing else).
    const [expected] = await fingerprintPersons([person], {
      groupKey,
      evaluator: createLocalEvaluator(hub.oprfKey),
    });
    const registered = hub.calls.find((c) => c.query.includes('registerCases'))?.variables;
    const sent =
      (registered?.['cases'] as Array<{ fingerprints: Array<{ kind: string; fp: string }> }>)[0]
        ?.fingerprints ?? [];
    expect(registered).toEqual({
      wg: 'group-1',
      cases: [
        {
          idempotencyKey: 'key-of-this-submission-0001',
          ...meta,
          epoch: 1,
          schemaVersion: FINGERPRINT_SCHEMA_VERSION,
          fingerprints: sent,
        },
      ],
    });
    expect(sent).toEqual(
      expect.arrayContaining(expected?.fingerprints.map((f) => ({ kind: f.kind, fp: f.fp })) ?? []),
    );
    const counts = countFingerprintsByKind(sent);
    expect(fingerprintCountProblem(counts)).toBeNull();
    // The real kinds, and the name kinds every case with a name carries (dummies when absent).
    expect(new Set(counts.keys())).toEqual(
      new Set([...(expected?.fingerprints.map((f) => f.kind) ?? []), ...ALWAYS_PRESENT_NAME_KINDS]),
    );
    // The OPRF saw as many blinded elements as there are keys, and nothing else.
    const evaluated = hub.calls.filter((c) => c.query.includes('evaluateOprf'));
    expect(evaluated.flatMap((c) => c.variables['blinded'] as string[])).toHaveLength(keys.length);
  });

  it('retries a dropped connection with the same idempotency key, as the bulk import does', async () => {
    const hub = spyHub();
    let dropped = 0;
    const request = (async (query: string, variables?: Record<string, unknown>) => {
      if (query.includes('registerCases') && dropped++ === 0)
        throw new HubError('NETWORK', 'connection reset');
      return hub.request(query, variables);
    }) as HubRequest;
    const registration = await registerPersonCase({
      request,
      fingerprinter: createInProcessFingerprinter(),
      workingGroupId: 'group-1',
      epoch: 1,
      groupKey,
      person: { id: 'form', properties: { name: ['Olena Petrenko'], birthDate: ['1970'] } },
      meta,
      idempotencyKey: 'key-of-this-submission-0002',
    });
    expect(registration.idempotencyKey).toBe('key-of-this-submission-0002');
    expect(dropped).toBe(2);
  });

  it('imports a file chunk by chunk without sending a record or its id, and registers each case once', async () => {
    const hub = spyHub();
    const fingerprinter = createInProcessFingerprinter();
    const csv = [
      'id,name,alias,date of birth,passport,phone,email,telegram',
      `${CANARIES.recordId},${CANARIES.name};${CANARIES.arabic},${CANARIES.alias},1967-11-23,${CANARIES.passport},${CANARIES.phone},${CANARIES.email},@${CANARIES.handle}`,
      'r2,Olena Petrenko,,1970,,,,',
      'r3,Karim,,,,,,',
    ].join('\n');
    const preview = await fingerprinter.run({
      kind: 'parse',
      file: new Blob([csv]),
      format: 'csv',
    });
    expect(preview.records).toBe(3);

    const receipt: ImportedRecord[] = [];
    const run = async () => {
      const result = await webImport(hub.request, fingerprinter, {
        fields: { status: 'active', situationTags: ['syria'], crimeTags: [] },
        total: preview.records,
        chunkSize: 2,
      });
      receipt.push(...result.records);
      return { next: result.next, withoutFingerprints: result.withoutFingerprints };
    };
    expect(await run()).toEqual({ next: 3, withoutFingerprints: ['r3'] });
    expect(receipt.map((r) => r.recordId)).toEqual([CANARIES.recordId, 'r2']); // "Karim" makes no key
    const firstKeys = hub.calls
      .filter((c) => c.query.includes('registerCases'))
      .flatMap((c) =>
        (c.variables['cases'] as Array<{ idempotencyKey: string }>).map((x) => x.idempotencyKey),
      );
    // Two chunks: the second ("Karim") has nothing to register.
    expect(hub.calls.filter((c) => c.query.includes('evaluateOprf'))).toHaveLength(1);
    expect(firstKeys).toHaveLength(2);

    // The same import again asks for the same idempotency keys: the hub registers nothing twice.
    hub.calls.length = 0;
    await run();
    const secondKeys = hub.calls
      .filter((c) => c.query.includes('registerCases'))
      .flatMap((c) =>
        (c.variables['cases'] as Array<{ idempotencyKey: string }>).map((x) => x.idempotencyKey),
      );
    expect(secondKeys).toEqual(firstKeys);

    const wire = JSON.stringify(hub.calls.map((c) => c.variables));
    const keyValues = extractKeys({
      id: 'x',
      properties: { name: [CANARIES.name, CANARIES.arabic], alias: [CANARIES.alias] },
    }).map((k) => k.value);
    for (const needle of needles(keyValues)) expect(wire).not.toContain(needle);
    expect(wire).not.toContain('Petrenko');
  });

  it('asks again with smaller chunks when the hub refuses one for the OPRF budget', async () => {
    const hub = spyHub();
    let refusals = 0;
    const request = (async (query: string, variables?: Record<string, unknown>) => {
      const blinded = (variables?.['blinded'] as string[] | undefined) ?? [];
      if (query.includes('evaluateOprf') && blinded.length > 20) {
        refusals++;
        throw new HubError('RATE_LIMITED', 'budget');
      }
      return hub.request(query, variables);
    }) as HubRequest;
    const fingerprinter = createInProcessFingerprinter();
    const csv = [
      'id,name,dob',
      ...Array.from({ length: 6 }, (_, i) => `r${i},Person Number${i} Family${i},19${50 + i}`),
    ].join('\n');
    await fingerprinter.run({ kind: 'parse', file: new Blob([csv]), format: 'csv' });
    const result = await webImport(request, fingerprinter, {
      fields: { status: 'active', situationTags: [], crimeTags: [] },
      total: 6,
      chunkSize: 6,
    });
    expect(result.next).toBe(6);
    const registered = result.records;
    expect(refusals).toBeGreaterThan(0);
    expect(registered).toHaveLength(6);
  });
});
