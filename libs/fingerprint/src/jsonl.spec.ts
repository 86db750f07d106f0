import { describe, expect, it } from 'vitest';
import { contentRecordId, describeSkippedLine, parsePersonsJsonl } from './jsonl.js';

const ahmad = '{"schema":"Person","properties":{"name":["Ahmad Haddad"],"birthDate":["1967"]}}';
const olena = '{"id":"o-1","schema":"Person","properties":{"name":"Olena Melnyk"}}';

describe('parsePersonsJsonl', () => {
  it('keeps Persons, counts other schemata, and skips bad lines with their number and reason', () => {
    const text = [
      '\uFEFF' + olena,
      '{"id":"c-1","schema":"Company","properties":{"name":["Acme"]}}',
      'not json at all',
      '',
      '[1,2]',
      '{"id":42,"properties":{"name":["Karim Khalil"]}}',
      ahmad,
      ahmad,
      '{"id":"i-1","properties":{"name":["Iryna"]},"identifiers":[{"type":"telegram","value":"@iryna"},{"type":1}]}',
    ].join('\r\n');
    const result = parsePersonsJsonl(text);
    expect(result.persons.map((p) => p.id)).toEqual([
      'o-1',
      contentRecordId(JSON.parse(ahmad)),
      'i-1',
    ]);
    expect(result.persons[0]?.properties).toEqual({ name: ['Olena Melnyk'] });
    expect(result.persons[2]?.identifiers).toEqual([{ type: 'telegram', value: '@iryna' }]);
    expect(result.otherSchema).toBe(1);
    expect(result.derivedIds).toBe(1);
    expect(result.skippedLines).toEqual([
      { line: 3, problem: 'not-json' },
      { line: 5, problem: 'not-an-entity' },
      { line: 6, problem: 'bad-id' },
      { line: 8, problem: 'duplicate' },
    ]);
    // A report names the line and the reason, never the content.
    const report = result.skippedLines.map(describeSkippedLine).join('\n');
    expect(report).toContain('line 3: not valid JSON');
    expect(report).not.toContain('Karim');
  });

  it('derives an id from the content, not from the line: stable when lines are added, removed or reordered', () => {
    const first = parsePersonsJsonl([olena, ahmad].join('\n')).persons[1]?.id;
    const moved = parsePersonsJsonl(['', '{"oops', ahmad, olena].join('\n')).persons[0]?.id;
    const reordered = parsePersonsJsonl(
      '{"properties":{"birthDate":["1967"],"name":["Ahmad Haddad"]}}',
    ).persons[0]?.id;
    expect(first).toMatch(/^sha256:[A-Za-z0-9_-]{22}$/);
    expect(moved).toBe(first);
    expect(reordered).toBe(first);
    const other = parsePersonsJsonl('{"properties":{"name":["Ahmad Haddad"],"birthDate":["1968"]}}')
      .persons[0]?.id;
    expect(other).not.toBe(first);
  });
});
