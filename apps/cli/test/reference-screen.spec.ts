import type { FtmPerson } from '@parallax/fingerprint';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { screenReferenceRows } from '../src/commands/reference-screen.js';
import { CliError, ExitCode } from '../src/io/cli-error.js';

const person = (id: string, name: string): FtmPerson => ({
  id,
  schema: 'Person',
  properties: { name: [name] },
});
const persons = [person('r1', 'Иванов Сергей'), person('r2', 'Oleh Melnyk')];
const references = new Map([
  ['r1', 'IVANOV-01'],
  ['r2', 'UA-2024-02'],
]);
const reference = (p: FtmPerson) => references.get(p.id);

describe('the CLI import screens case references before sending', () => {
  const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  afterEach(() => stderr.mockClear());

  it('skips a record whose reference carries its name (any script), naming the record, not the value', () => {
    const kept = screenReferenceRows('people.csv', persons, { reference });
    expect(kept.map((p) => p.id)).toEqual(['r2']);
    const said = stderr.mock.calls.map((c) => String(c[0])).join('');
    expect(said).toContain('record r1 skipped (reference_contains_name)');
    expect(said.toLowerCase()).not.toContain('ivanov');
  });

  it("skips references off the organisation's pattern, and refuses a prefix the pattern cannot accept", () => {
    expect(
      screenReferenceRows('people.csv', persons.slice(1), { reference, pattern: 'UA-####-##' }).map(
        (p) => p.id,
      ),
    ).toEqual(['r2']);
    expect(() =>
      screenReferenceRows('people.csv', persons.slice(1), { reference, pattern: 'SYR-####' }),
    ).toThrow(expect.objectContaining({ exitCode: ExitCode.NothingToDo }) as CliError);
    expect(() =>
      screenReferenceRows('people.csv', persons.slice(1), {
        referencePrefix: 'UA-',
        pattern: 'UA-####',
      }),
    ).toThrow(/does not accept the derived references/);
  });
});
