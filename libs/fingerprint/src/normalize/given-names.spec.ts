import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { givenNameClasses } from './given-names.js';
import { GIVEN_NAME_TABLE } from './given-names/table.js';
import { tokenizeName } from './names.js';
import { toLatin } from './translit.js';

const classOf = (form: string): readonly string[] => givenNameClasses(form);
/** Class ids of a one-word name in any script, through the real tokeniser. */
const classesOfName = (name: string): string[] => {
  const forms = tokenizeName(name).flatMap((r) => r.flatMap((t) => t.forms));
  return [...new Set(forms.flatMap((f) => givenNameClasses(f)))].sort();
};

describe('givenNameClasses', () => {
  it.each([
    ['#nikolai', ['mykola', 'nikolay', 'nikolai', 'nikolaj', 'mikalai', 'mikola']],
    ['#sergei', ['serhiy', 'serhii', 'sergey', 'sergei', 'sergej', 'siarhei']],
    ['#aleksandr', ['oleksandr', 'aleksandr', 'aliaksandr', 'alexander']],
    ['#dmitri', ['dmytro', 'dmitriy', 'dmitry', 'dzmitry']],
    ['#grigori', ['hryhoriy', 'grygoriy', 'grigoriy', 'ryhor', 'rygor']],
    ['#yulia', ['yulia', 'yuliya', 'julia', 'iuliia', 'julija']],
    ['#iosif', ['joseph', 'iosif', 'yusuf', 'yosef', 'yosyp', 'youssef']],
    ['#mikhail', ['mikhail', 'mykhailo', 'michael', 'mikail']],
    ['#ibrahim', ['ibrahim', 'abraham', 'avraham', 'avraam', 'ibragim']],
    ['#musa', ['musa', 'moses', 'moisey']],
    ['#david', ['david', 'davit', 'daud', 'dawud']],
    ['#suleiman', ['suleiman', 'sulayman', 'solomon']],
    ['#yakov', ['yakov', 'jacob', 'yakub', 'yaqub', 'yakiv']],
    ['#yelena', ['olena', 'yelena', 'elena']],
  ])('puts the forms of %s in one class', (id, forms) => {
    for (const form of forms) expect(classOf(form), form).toEqual([id]);
  });

  it('finds the class of native-script spellings through toLatin and tokenizeName', () => {
    expect(classesOfName('Микола')).toEqual(['#nikolai']);
    expect(classesOfName('Николай')).toEqual(['#nikolai']);
    expect(classesOfName('Мікалай')).toEqual(['#nikolai']);
    expect(classesOfName('Олександр')).toEqual(['#aleksandr']);
    expect(classesOfName('Сергій')).toEqual(['#sergei']);
    expect(classesOfName('Юлия')).toEqual(['#yulia']);
    expect(classesOfName('Дмитро')).toEqual(['#dmitri']);
    expect(classesOfName('Иосиф')).toEqual(['#iosif']);
    expect(classesOfName('يوسف')).toEqual(['#iosif']);
  });

  it('keeps different names apart', () => {
    expect(classOf('mykola')).not.toEqual(classOf('michael'));
    for (const form of [
      'hasan',
      'husayn',
      'hussein',
      'ali',
      'alia',
      'ioann',
      'john',
      'jean',
      'yahya',
      'alex',
      'jose',
      'ivanovich',
      'alyona',
      'helen',
    ]) {
      expect(classOf(form), form).toEqual([]);
    }
    expect(classOf('ivan')).toEqual(['#ivan']);
  });

  it('returns [] for anything outside the table', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const ids = classOf(s);
        return (
          ids.length === 0 || Object.values(GIVEN_NAME_TABLE).some((forms) => forms.includes(s))
        );
      }),
    );
  });

  it('holds each form once, as a plain Latin token that toLatin leaves unchanged', () => {
    const seen = new Map<string, string>();
    for (const [id, forms] of Object.entries(GIVEN_NAME_TABLE)) {
      expect(id).toMatch(/^#[a-z]+$/u);
      for (const form of forms) {
        expect(form).toMatch(/^[a-z]+$/u);
        expect(toLatin(form)).toBe(form);
        expect(seen.get(form), `${form} in ${id} and ${seen.get(form)}`).toBeUndefined();
        seen.set(form, id);
      }
    }
  });

  it('answers every form with its own class, and the same answer each time', () => {
    for (const [id, forms] of Object.entries(GIVEN_NAME_TABLE)) {
      for (const form of forms) {
        expect(classOf(form)).toEqual([id]);
        expect(classOf(form)).toBe(classOf(form));
      }
    }
  });
});
