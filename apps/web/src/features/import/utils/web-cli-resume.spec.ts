import { evaluate, generateOprfKey, parsePersonsJsonl } from '@parallax/fingerprint';
import {
  fromBase64,
  importPersons,
  ImportInterrupted,
  runImport,
  toBase64,
  type HubRequest,
  type ImportCaseFields,
} from '@parallax/hub-client';
import { describe, expect, it } from 'vitest';
import { createInProcessFingerprinter } from '../../fingerprinting/utils/in-process';
import { workerChunkFingerprinter } from './worker-fingerprints';

/** A hub that evaluates the OPRF and registers idempotently; registration can be cut off. */
function idempotentHub() {
  const oprfKey = generateOprfKey();
  const cases = new Map<string, string>();
  let down = false;
  const request = (async (query: string, variables: Record<string, unknown> = {}) => {
    if (query.includes('evaluateOprf')) {
      const evaluated = await evaluate(oprfKey, (variables['blinded'] as string[]).map(fromBase64));
      return {
        evaluateOprf: {
          evaluatedElements: evaluated.map(toBase64),
          usedToday: 1,
          allowedToday: 1e6,
        },
      };
    }
    if (down) throw new Error('the hub went away');
    const input = variables['cases'] as Array<{ idempotencyKey: string }>;
    return {
      registerCases: input.map(({ idempotencyKey }) => {
        const created = !cases.has(idempotencyKey);
        if (created) cases.set(idempotencyKey, `case-${cases.size + 1}`);
        return { idempotencyKey, caseId: cases.get(idempotencyKey), created };
      }),
    };
  }) as HubRequest;
  return { request, cases, setDown: (value: boolean) => (down = value) };
}

const FIELDS: ImportCaseFields = { status: 'active', situationTags: [], crimeTags: [] };
const person = (i: number, withId: boolean) =>
  JSON.stringify({
    ...(withId ? { id: `ent-${i}` } : {}),
    schema: 'Person',
    properties: { name: [`Person${i} Family${i}`], birthDate: [`${1950 + i}`] },
  });

describe('a file imported in the web and resumed from the CLI', () => {
  it('registers each case once: the same parser, ids and idempotency keys on both paths', async () => {
    const lines = Array.from({ length: 12 }, (_, i) => person(i, i % 2 === 0));
    const groupKey = new Uint8Array(32).fill(7);
    const hub = idempotentHub();

    // The web: the file goes to the fingerprint worker (its engine, in-process here).
    const fingerprinter = createInProcessFingerprinter();
    const webText = [lines.slice(0, 6), '{broken', lines.slice(6)].flat().join('\n');
    const preview = await fingerprinter.run({
      kind: 'parse',
      file: new Blob([webText]),
      format: 'jsonl',
    });
    expect(preview).toMatchObject({ records: 12, unreadable: [7] });
    let registered = 0;
    // The connection is lost for good after the second registration call.
    const cutOff = (async (query: string, variables?: Record<string, unknown>) => {
      const answer = await hub.request(query, variables);
      if (query.includes('registerCases') && ++registered === 2) hub.setDown(true);
      return answer;
    }) as HubRequest;
    const stopped = await runImport({
      request: cutOff,
      workingGroupId: 'wg-1',
      epoch: 1,
      groupKey,
      fields: FIELDS,
      total: preview.records,
      chunkSize: 4,
      uploadConcurrency: 1,
      retryDelayMs: 1,
      fingerprintChunk: workerChunkFingerprinter(fingerprinter, { groupKey }),
    }).catch((e: unknown) => e);
    expect(stopped).toBeInstanceOf(ImportInterrupted);
    expect(hub.cases.size).toBe(8);
    hub.setDown(false);

    // The CLI: the same export, without the broken line.
    const cli = await importPersons(parsePersonsJsonl(lines.join('\n')).persons, {
      request: hub.request,
      workingGroupId: 'wg-1',
      epoch: 1,
      groupKey,
      fields: FIELDS,
    });
    expect(cli).toMatchObject({ created: 4, existing: 8 });
    expect(hub.cases.size).toBe(12);
  });
});
