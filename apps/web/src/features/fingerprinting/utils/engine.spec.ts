import { CSV_PERSON_PROPERTIES, extractKeys, parsePersonsCsv } from '@parallax/fingerprint';
import { describe, expect, it } from 'vitest';
import { CSV_PERSON_PROPERTIES_SHOWN } from '../../import/utils/import-targets';
import { FingerprintEngine } from './engine';

const noHub = () => Promise.reject(new Error('the dry run makes no request'));

const CSV = [
  'Record ID,Full name,Date of birth,Passport,Telegram,Notes',
  'r1,Mohammed Mahmoud ABU TAIR;محمد محمود أبو طير,1951,N0123456,@abutair,seen in Aleppo',
  'r2,Olena Petrenko,1970-05-02,,,',
  'r3,Karim,,,,a one-word name makes no key',
  'r4,,,,@someone,',
  ',,,,,',
].join('\n');

describe('the import dry run', () => {
  it('counts records, keys and records without keys of a CSV file, without the hub', async () => {
    const engine = new FingerprintEngine();
    const preview = await engine.run(
      { kind: 'parse', file: new Blob([CSV]), format: 'csv' },
      noHub,
      () => undefined,
    );
    expect(preview.records).toBe(4); // the empty row is skipped
    expect(preview.withoutKeys).toBe(1); // "Karim" alone
    const persons = parsePersonsCsv(CSV).persons;
    const keys = persons.map((p) => extractKeys(p));
    expect(preview.keys).toBe(keys.reduce((n, k) => n + k.length, 0));
    expect(preview.distinctKeys).toBeLessThanOrEqual(preview.keys);
    expect(preview.distinctKeys).toBeGreaterThan(10);
    expect(preview.duplicateIds).toBe(0);
    expect(preview.hasIdColumn).toBe(true);
    expect(preview.mapping).toEqual([
      { header: 'Record ID', target: 'id' },
      { header: 'Full name', target: 'name' },
      { header: 'Date of birth', target: 'birthDate' },
      { header: 'Passport', target: 'passportNumber' },
      { header: 'Telegram', target: 'identifier:telegram' },
      { header: 'Notes', target: 'ignore' },
    ]);
  });

  it('counts a record with more names than one person has, and neither fingerprints nor evaluates it', async () => {
    const dictionary = Array.from({ length: 40 }, (_, i) => `Name${i} Family${i}`).join(';');
    const csv = ['Record ID,Full name', `d1,${dictionary}`, 'p1,Olena Petrenko'].join('\n');
    const engine = new FingerprintEngine();
    const preview = await engine.run(
      { kind: 'parse', file: new Blob([csv]), format: 'csv' },
      noHub,
      () => undefined,
    );
    expect(preview.tooManyNames).toBe(1);
    expect(preview.keys).toBe(
      extractKeys({ id: 'p1', properties: { name: ['Olena Petrenko'] } }).length,
    );
    let evaluated = 0;
    const chunk = await engine.run(
      { kind: 'chunk', start: 0, end: 2, groupKey: new Uint8Array(32) },
      async (blinded) => {
        evaluated += blinded.length;
        return blinded;
      },
      () => undefined,
    );
    expect(chunk.records[0]).toMatchObject({ recordId: 'd1', fingerprints: [] });
    expect(chunk.records[1]?.fingerprints.length).toBeGreaterThan(0);
    expect(evaluated).toBe(preview.keys);
  });

  it('shows masked samples only', async () => {
    const engine = new FingerprintEngine();
    const preview = await engine.run(
      { kind: 'parse', file: new Blob([CSV]), format: 'csv' },
      noHub,
      () => undefined,
    );
    const text = JSON.stringify(preview);
    for (const plain of ['Mohammed', 'TAIR', 'N0123456', 'abutair', 'محمد', 'Petrenko', 'Aleppo']) {
      expect(text, plain).not.toContain(plain);
    }
    expect(preview.samples[0]?.fields).toContainEqual({
      property: 'name',
      values: ['M•••••• M•••••• A•• T•••', 'م••• م•••• أ•• ط••'],
    });
  });

  it('follows a changed column mapping, and flags repeated record ids', async () => {
    const engine = new FingerprintEngine();
    const preview = await engine.run(
      {
        kind: 'parse',
        file: new Blob([CSV]),
        format: 'csv',
        mapping: { 'Record ID': 'ignore', Passport: 'ignore', Telegram: 'ignore' },
      },
      noHub,
      () => undefined,
    );
    expect(preview.hasIdColumn).toBe(false);
    expect(preview.records).toBe(3); // r4 had only a Telegram handle
    const repeated = 'id,name\nx,Olena Petrenko\nx,Ivan Kovalenko\n';
    const dupes = await engine.run(
      { kind: 'parse', file: new Blob([repeated]), format: 'csv' },
      noHub,
      () => undefined,
    );
    expect(dupes.duplicateIds).toBe(1);
  });

  it('reads FollowTheMoney JSON Lines, keeping persons and reporting unreadable lines', async () => {
    const lines = [
      JSON.stringify({
        id: 'p1',
        schema: 'Person',
        properties: { name: ['Olena Petrenko'], birthDate: ['1970'] },
        identifiers: [{ type: 'telegram', value: '@olena' }],
      }),
      JSON.stringify({ id: 'c1', schema: 'Company', properties: { name: ['Acme'] } }),
      '{not json',
      '',
    ].join('\n');
    const preview = await new FingerprintEngine().run(
      { kind: 'parse', file: new Blob([lines]), format: 'jsonl' },
      noHub,
      () => undefined,
    );
    expect(preview).toMatchObject({ records: 1, skipped: 1, unreadable: [3], withoutKeys: 0 });
  });

  it('offers the same person properties as the fingerprint library', () => {
    expect([...CSV_PERSON_PROPERTIES_SHOWN]).toEqual([...CSV_PERSON_PROPERTIES]);
  });
});
