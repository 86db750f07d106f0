/**
 * Golden vectors of schema v2: input person → plaintext keys → fingerprints
 * under fixed test keys. They must never change within v2: a change means
 * a new schema version (and new vectors), never an edit of this file.
 *
 * Regenerate only when starting a new schema version:
 *   PARALLAX_WRITE_GOLDEN=1 npx vitest run --config tests/vitest.config.ts --project fingerprint golden
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { format } from 'prettier';
import { describe, expect, it } from 'vitest';
import { bytesToHex, hexToBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import { createLocalEvaluator, deriveOprfKey } from './oprf.js';
import { fingerprintPersons } from './fingerprint.js';
import { extractKeys } from './keys.js';
import { FINGERPRINT_SCHEMA_VERSION } from './schema.js';
import type { ExtractKeysOptions, FingerprintKey, FtmPerson, Fingerprint } from './types.js';

const FILE = fileURLToPath(
  new URL(`../test-vectors/golden-${FINGERPRINT_SCHEMA_VERSION}.json`, import.meta.url),
);

interface GoldenCase {
  person: FtmPerson;
  options: ExtractKeysOptions;
  keys: FingerprintKey[];
  fingerprints: Fingerprint[];
}

interface GoldenFile {
  schemaVersion: string;
  note: string;
  oprfKeySeedHex: string;
  oprfKeyInfo: string;
  oprfSecretKeyHex: string;
  groupKeyHex: string;
  cases: GoldenCase[];
}

const INPUTS: { person: FtmPerson; options?: ExtractKeysOptions }[] = [
  {
    person: {
      id: 'latin-arabic',
      schema: 'Person',
      properties: {
        name: ['Ismail Abdul Salah HANIYA'],
        alias: ['Ismaeel HANIYYA'],
        birthDate: ['1962'],
      },
    },
  },
  {
    person: {
      id: 'arabic-script',
      schema: 'Person',
      properties: { name: ['محمد عبد الرحمن الحوثي'], birthDate: ['14 Oct 1963'] },
    },
  },
  {
    person: {
      id: 'persian',
      schema: 'Person',
      properties: {
        name: ['سید محمود محدث'],
        alias: ['Seyed Mahmoud MOHADDES'],
        birthDate: ['07 Jun 1957'],
      },
    },
  },
  {
    person: {
      id: 'ukrainian',
      schema: 'Person',
      properties: {
        name: ['Євген Вікторович Марчук'],
        alias: ['Yevhen Marchuk', 'Evgeny Marchuk'],
        birthDate: ['1941-01-28'],
      },
    },
  },
  {
    person: {
      id: 'russian',
      schema: 'Person',
      properties: { name: ['Генерал-полковник Александр Иванов'], birthDate: ['1960-05'] },
    },
  },
  {
    person: {
      id: 'greek',
      schema: 'Person',
      properties: {
        name: ['Δημήτρης Καμπής'],
        alias: ['Dimitrios Alexandros KAMPIS'],
        birthDate: ['14 Oct 1963'],
      },
    },
  },
  {
    person: {
      id: 'particles',
      schema: 'Person',
      properties: {
        name: ['Sheikh Usama bin Ladin'],
        alias: ['Abu Abdallah', 'Ala al-Din Seifollah Jashn Saz'],
        weakAlias: ['The Director'],
        birthDate: ['01 Jan 1953 to 31 Dec 1954'],
      },
    },
  },
  {
    person: {
      id: 'name-parts',
      schema: 'Person',
      properties: {
        firstName: ['Paul'],
        lastName: ['van Mazijk'],
        birthDate: ['24 Jan 1958', '1959'],
      },
    },
  },
  {
    person: {
      id: 'containment-and-equivalents',
      schema: 'Person',
      properties: {
        name: ['Микола Петрович Сидоренко'],
        alias: ['Nikolay Sidorenko', 'Mykola Petrovych Sydorenko'],
        birthDate: ['1970'],
      },
    },
  },
  {
    person: {
      id: 'slavic-conventions',
      schema: 'Person',
      properties: {
        name: ['Uladzimir Ivanou'],
        alias: ['Wladimir Iwanow', 'Vladimir Ivanov', 'Юрій Чорновол'],
        birthDate: ['12.03.1981'],
      },
    },
  },
  {
    person: {
      id: 'other-scripts',
      schema: 'Person',
      properties: {
        name: ['אברהם כהן'],
        alias: ['გიორგი ბერიძე', 'Գրիգոր Պետրոսյան'],
      },
    },
  },
  {
    person: {
      id: 'arabic-family-conventions',
      schema: 'Person',
      properties: {
        name: ['Maxamed Cabdullaahi Xasan'],
        alias: ['محمدعلي الحسيني', 'Moehammad Joesoef', 'Мухаммед Абдуллах', 'Ahmad Ghalehbani'],
        birthDate: ['1975'],
      },
    },
  },
  {
    person: {
      id: 'identifiers',
      schema: 'Person',
      properties: {
        name: ['Qais Abdul KARIM'],
        passportNumber: ['N 0123-456'],
        idNumber: ['AB 12 34 56'],
        phone: ['0151 23456789', '+380 44 123 45 67'],
        email: ['Q.Karim+alias@GoogleMail.com'],
      },
      identifiers: [
        { type: 'telegram', value: 'https://t.me/QaisK' },
        { type: 'twitter', value: '@qais_k' },
        { type: 'tail number', value: 'yk-agh' },
        { type: 'plate', value: 'ab 123 cd' },
        { type: 'wallet', value: '0xAbC0000000000000000000000000000000000DeF' },
      ],
    },
    options: { defaultPhoneCountry: 'DE' },
  },
];

async function compute(
  file: Pick<GoldenFile, 'oprfSecretKeyHex' | 'groupKeyHex'>,
): Promise<GoldenCase[]> {
  const out: GoldenCase[] = [];
  for (const { person, options = {} } of INPUTS) {
    const [record] = await fingerprintPersons([person], {
      ...options,
      groupKey: hexToBytes(file.groupKeyHex),
      evaluator: createLocalEvaluator(hexToBytes(file.oprfSecretKeyHex)),
    });
    out.push({
      person,
      options,
      keys: extractKeys(person, options),
      fingerprints: [...(record?.fingerprints ?? [])],
    });
  }
  return out;
}

describe(`golden vectors (schema ${FINGERPRINT_SCHEMA_VERSION})`, () => {
  it('recomputes every committed vector exactly', async () => {
    if (process.env['PARALLAX_WRITE_GOLDEN'] === '1') {
      const seed = new Uint8Array(32).fill(0x5a);
      const info = `parallax golden vectors ${FINGERPRINT_SCHEMA_VERSION}`;
      const base = {
        schemaVersion: FINGERPRINT_SCHEMA_VERSION,
        note:
          `Golden vectors of fingerprint schema ${FINGERPRINT_SCHEMA_VERSION}. These outputs must never change within ${FINGERPRINT_SCHEMA_VERSION}: any change to ` +
          'normalisation, keys or hashing requires a new schema version with new vectors. Test keys only.',
        oprfKeySeedHex: bytesToHex(seed),
        oprfKeyInfo: info,
        oprfSecretKeyHex: bytesToHex(deriveOprfKey(seed, utf8ToBytes(info))),
        groupKeyHex: bytesToHex(Uint8Array.from({ length: 32 }, (_, i) => i)),
      };
      const json = JSON.stringify({ ...base, cases: await compute(base) });
      writeFileSync(FILE, await format(json, { parser: 'json', filepath: FILE }));
    }
    const golden = JSON.parse(readFileSync(FILE, 'utf8')) as GoldenFile;
    expect(golden.schemaVersion).toBe(FINGERPRINT_SCHEMA_VERSION);
    expect(
      bytesToHex(deriveOprfKey(hexToBytes(golden.oprfKeySeedHex), utf8ToBytes(golden.oprfKeyInfo))),
    ).toBe(golden.oprfSecretKeyHex);
    expect(golden.cases.map((c) => c.person)).toEqual(INPUTS.map((i) => i.person));
    const recomputed = await compute(golden);
    recomputed.forEach((c, i) => {
      const expected = golden.cases[i] as GoldenCase;
      expect(c.keys, `keys of ${c.person.id}`).toEqual(expected.keys);
      expect(c.fingerprints, `fingerprints of ${c.person.id}`).toEqual(expected.fingerprints);
    });
  });
});
