import { problemReportCsv } from '@parallax/fingerprint';
import { createIntl } from 'react-intl';
import { describe, expect, it } from 'vitest';
import ar from '../../../i18n/messages/ar.json';
import en from '../../../i18n/messages/en.json';
import es from '../../../i18n/messages/es.json';
import fr from '../../../i18n/messages/fr.json';
import uk from '../../../i18n/messages/uk.json';
import { createInProcessFingerprinter } from '../../fingerprinting/utils/in-process';
import { problemText } from './problem-text';
import { startBlocker } from './start-blocker';

/** Each row's id is a label of the file; the names are what the prefix must not carry. */
const CSV = [
  'Record ID,Full name,Date of birth',
  'a1,محمد الأحمد,1980',
  'a2,Олена Петренко,1970-05-02',
  'a3,John Smith,1965',
  'a4,Karim Haddad,1990',
].join('\n');

const NAMES = ['محمد', 'الأحمد', 'Олена', 'Петренко', 'John', 'Smith', 'Karim', 'Haddad'];

/** The web path: the file read by the fingerprint worker's engine, screened against `prefix`. */
async function readWith(referencePrefix: string) {
  const fingerprinter = createInProcessFingerprinter();
  const preview = await fingerprinter.run({
    kind: 'parse',
    file: new Blob([CSV]),
    format: 'csv',
    referencePrefix,
  });
  return { fingerprinter, preview };
}

describe('the web import skips a row whose names are in the reference prefix', () => {
  it.each([
    ['MOHAMMED-', 1, 'an Arabic name read as its Latin skeleton'],
    ['PETRENKO/', 2, 'a Cyrillic name read as its transliteration'],
    ['smith ', 3, 'a Latin name, whatever its case'],
  ])('%s skips row %i (%s); the other rows go through', async (prefix, row) => {
    const { fingerprinter, preview } = await readWith(prefix);
    try {
      expect(preview.rowProblems).toEqual([
        { row, field: 'Full name', code: 'reference_contains_name' },
      ]);
      expect(preview.records).toBe(3);
      expect(preview.referencePrefix).toBe(prefix);
      // The chunk the import sends is the three other records, in file order.
      const chunk = await fingerprinter.run(
        { kind: 'chunk', start: 0, end: 3, groupKey: new Uint8Array(32), referencePrefix: prefix },
        { evaluator: async (blinded) => blinded },
      );
      const kept = ['a1', 'a2', 'a3', 'a4'].filter((_, i) => i + 1 !== row);
      expect(chunk.records.map((r) => r.recordId)).toEqual(kept);
    } finally {
      fingerprinter.dispose();
    }
  });

  it('lets every row through a prefix without a name', async () => {
    const { fingerprinter, preview } = await readWith('IMP-');
    fingerprinter.dispose();
    expect(preview.rowProblems).toEqual([]);
    expect(preview.records).toBe(4);
  });

  it('keeps the Import button disabled, saying why, until the rows are checked against the current prefix', () => {
    const ready = {
      preview: { fileProblem: null },
      records: 3,
      idsUsable: true,
      groupKeyReady: true,
      keysUnlocked: true,
      prefixValid: true,
    };
    expect(startBlocker({ ...ready, prefixChecked: false })).toBe('import.blocked.prefixChecking');
    expect(startBlocker({ ...ready, prefixChecked: true })).toBeNull();
  });

  it('refuses to fingerprint for a prefix the rows were not checked against', async () => {
    const { fingerprinter } = await readWith('IMP-');
    try {
      await expect(
        fingerprinter.run(
          {
            kind: 'chunk',
            start: 0,
            end: 4,
            groupKey: new Uint8Array(32),
            referencePrefix: 'Smith-',
          },
          { evaluator: async (blinded) => blinded },
        ),
      ).rejects.toThrow(/prefix changed/u);
    } finally {
      fingerprinter.dispose();
    }
  });

  it('reports the row without its value: nothing of the file in the preview problems or the report', async () => {
    const { fingerprinter, preview } = await readWith('MOHAMMED-');
    fingerprinter.dispose();
    const report = problemReportCsv(preview.rowProblems);
    expect(report).toBe('row,column,problem,detail\r\n1,Full name,reference_contains_name,\r\n');
    const problems = JSON.stringify(preview.rowProblems);
    for (const value of [...NAMES, 'a1', '1980']) {
      expect(report, value).not.toContain(value);
      expect(problems, value).not.toContain(value);
    }
  });

  it('names the problem in all five languages', () => {
    const texts = Object.entries({ en, fr, es, uk, ar }).map(([locale, messages]) =>
      problemText(createIntl({ locale, messages }), { code: 'reference_contains_name' }),
    );
    expect(texts.every((t) => t !== 'reference_contains_name')).toBe(true);
    expect(new Set(texts).size).toBe(5);
  });
});
