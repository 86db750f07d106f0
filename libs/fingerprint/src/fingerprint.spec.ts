import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { utf8ToBytes } from '@noble/hashes/utils.js';
import {
  fingerprint,
  fingerprintPersons,
  generateGroupKey,
  keyInput,
  toBase64Url,
} from './fingerprint.js';
import { extractKeys } from './keys.js';
import {
  blind,
  createLocalEvaluator,
  evaluateSync,
  finalize,
  generateOprfKey,
  oprfReady,
  type OprfEvaluator,
} from './oprf.js';
import type { FtmPerson } from './types.js';

beforeAll(async () => {
  await oprfReady();
});

const persons: FtmPerson[] = [
  { id: 'a', schema: 'Person', properties: { name: ['Ismail HANIYA'], birthDate: ['1962'] } },
  {
    id: 'b',
    schema: 'Person',
    properties: { name: ['Ismaeel HANIYYA'], birthDate: ['1962'], phone: ['+4915123456789'] },
  },
  { id: 'c', schema: 'Person', properties: { name: ['Madonna'] } },
  { id: 'd', schema: 'Person', properties: { name: ['Євген Марчук', 'Yevhen Marchuk'] } },
];

describe('fingerprint', () => {
  it('is base64url(HMAC-SHA256(groupKey, oprfOutput)) without padding', () => {
    const groupKey = Uint8Array.from({ length: 32 }, (_, i) => i);
    const output = new Uint8Array(64).fill(7);
    const fp = fingerprint(groupKey, output);
    expect(fp).toMatch(/^[A-Za-z0-9_-]{43}$/u);
    expect(fp).toBe(toBase64Url(hmac(sha256, groupKey, output)));
    expect(() => fingerprint(new Uint8Array(16), output)).toThrow(/32 bytes/u);
    expect(() => fingerprint(groupKey, new Uint8Array(32))).toThrow(/64 bytes/u);
  });

  it('encodes base64url per RFC 4648', () => {
    expect(toBase64Url(utf8ToBytes(''))).toBe('');
    expect(toBase64Url(utf8ToBytes('f'))).toBe('Zg');
    expect(toBase64Url(utf8ToBytes('fo'))).toBe('Zm8');
    expect(toBase64Url(utf8ToBytes('foo'))).toBe('Zm9v');
    expect(toBase64Url(Uint8Array.of(0xfb, 0xff))).toBe('-_8');
  });

  it('domain-separates inputs as parallax/v2/<domain>/<value>', () => {
    expect(new TextDecoder().decode(keyInput({ kind: 'name.pair', value: 'ASML HN' }))).toBe(
      'parallax/v2/name.set/ASML HN',
    );
    expect(new TextDecoder().decode(keyInput({ kind: 'phone', value: '+441234' }))).toBe(
      'parallax/v2/phone/+441234',
    );
  });
});

describe('fingerprintPersons', () => {
  it('equals the step-by-step protocol for every key', async () => {
    const oprfKey = generateOprfKey();
    const groupKey = generateGroupKey();
    const [result] = await fingerprintPersons([persons[1] as FtmPerson], {
      groupKey,
      evaluator: createLocalEvaluator(oprfKey),
    });
    const manual = extractKeys(persons[1] as FtmPerson).map((k) => {
      const input = keyInput(k);
      const b = blind(input);
      const [e] = evaluateSync(oprfKey, [b.blindedElement]);
      return { kind: k.kind, fp: fingerprint(groupKey, finalize(input, b.blind, e as Uint8Array)) };
    });
    manual.sort((x, y) => (x.kind < y.kind ? -1 : x.kind > y.kind ? 1 : x.fp < y.fp ? -1 : 1));
    expect(result?.fingerprints).toEqual(manual);
    expect(result?.id).toBe('b');
  });

  it('links variants under the same keys and separates groups with different keys', async () => {
    const oprfKey = generateOprfKey();
    const evaluator = createLocalEvaluator(oprfKey);
    const g1 = generateGroupKey();
    const [a, b] = await fingerprintPersons(persons.slice(0, 2), { groupKey: g1, evaluator });
    const fa = new Set(a?.fingerprints.map((f) => f.fp));
    expect(b?.fingerprints.some((f) => fa.has(f.fp))).toBe(true);
    const [a2] = await fingerprintPersons(persons.slice(0, 1), {
      groupKey: generateGroupKey(),
      evaluator,
    });
    expect(a2?.fingerprints.some((f) => fa.has(f.fp))).toBe(false);
  });

  it('does not depend on record order or batch size; evaluates each distinct key once', async () => {
    const oprfKey = generateOprfKey();
    const groupKey = generateGroupKey();
    let calls = 0;
    let elements = 0;
    const counting: OprfEvaluator = async (blinded) => {
      calls++;
      elements += blinded.length;
      return createLocalEvaluator(oprfKey)(blinded);
    };
    const base = await fingerprintPersons(persons, { groupKey, evaluator: counting });
    const distinct = new Set(
      persons.flatMap((p) => extractKeys(p).map((k) => `${k.kind}/${k.value}`)),
    ).size;
    expect(elements).toBe(distinct);
    expect(calls).toBe(1);
    await fc.assert(
      fc.asyncProperty(
        fc.shuffledSubarray(persons, { minLength: persons.length }),
        fc.integer({ min: 1, max: 7 }),
        async (shuffled, batchSize) => {
          const out = await fingerprintPersons(shuffled, {
            groupKey,
            evaluator: createLocalEvaluator(oprfKey),
            batchSize,
          });
          const byId = new Map(out.map((r) => [r.id, r]));
          for (const r of base) expect(byId.get(r.id)).toEqual(r);
        },
      ),
      { numRuns: 15 },
    );
  });

  it('reports progress per record and returns an empty list for no persons', async () => {
    const seen: number[] = [];
    await fingerprintPersons(persons, {
      groupKey: generateGroupKey(),
      evaluator: createLocalEvaluator(generateOprfKey()),
      batchSize: 2,
      onProgress: ({ done, total }) => {
        expect(total).toBe(persons.length);
        seen.push(done);
      },
    });
    expect(seen[0]).toBe(0);
    expect(seen[seen.length - 1]).toBe(persons.length);
    expect([...seen].sort((x, y) => x - y)).toEqual(seen);
    expect(
      await fingerprintPersons([], {
        groupKey: generateGroupKey(),
        evaluator: createLocalEvaluator(generateOprfKey()),
      }),
    ).toEqual([]);
  });

  it('rejects a misbehaving evaluator and a bad group key', async () => {
    const evaluator: OprfEvaluator = async (blinded) => blinded.slice(1);
    await expect(
      fingerprintPersons(persons, { groupKey: generateGroupKey(), evaluator }),
    ).rejects.toThrow(/evaluator returned/u);
    await expect(
      fingerprintPersons(persons, {
        groupKey: new Uint8Array(8),
        evaluator: createLocalEvaluator(generateOprfKey()),
      }),
    ).rejects.toThrow(/32 bytes/u);
  });
});
