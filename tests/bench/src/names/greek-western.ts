/**
 * Greek names (written in Greek, romanised by ELOT 743 and phonetic
 * variants; women's family names in the genitive, as Greek registers write
 * them) and Western European names (Latin only).
 */
import { digits, type Part } from './pool.js';
import { romaniseGreek } from './romanise.js';

const greek = (g: string): Part => [...romaniseGreek(g), g];
/** The genitive women's form: -ος → -ου, -ης → -η, -ας → -α. */
const greekFeminine = (g: string): string => g.replace(/ος$/u, 'ου').replace(/([ηα])ς$/u, '$1');

export interface Gendered {
  readonly male: Part;
  readonly female: Part;
}
const greekFamily = (g: string): Gendered => ({ male: greek(g), female: greek(greekFeminine(g)) });

// prettier-ignore
export const GREEK_MALE: readonly Part[] = [
  'Γεώργιος', 'Δημήτριος', 'Ιωάννης', 'Κωνσταντίνος', 'Νικόλαος', 'Παναγιώτης', 'Βασίλειος', 'Χρήστος', 'Αθανάσιος',
  'Μιχαήλ', 'Ευάγγελος', 'Σπυρίδων', 'Αντώνιος', 'Ανδρέας', 'Θεόδωρος', 'Ηλίας', 'Σταύρος', 'Αλέξανδρος',
].map(greek);
// prettier-ignore
export const GREEK_FEMALE: readonly Part[] = [
  'Μαρία', 'Ελένη', 'Αικατερίνη', 'Βασιλική', 'Σοφία', 'Αγγελική', 'Γεωργία', 'Δήμητρα', 'Κωνσταντίνα', 'Παρασκευή',
  'Ιωάννα', 'Ευαγγελία', 'Χριστίνα', 'Αναστασία',
].map(greek);
// prettier-ignore
export const GREEK_FAMILY_HEAD: readonly Gendered[] = [
  'Παπαδόπουλος', 'Παπαδάκης', 'Γεωργίου', 'Οικονόμου', 'Παπαγεωργίου', 'Νικολαΐδης', 'Βασιλείου', 'Δημητρίου',
  'Ιωάννου', 'Παπανικολάου', 'Μακρής', 'Αθανασίου', 'Κωνσταντινίδης', 'Παππάς', 'Καμπής', 'Αντωνίου',
].map(greekFamily);

const GC = [...'βγδζθκλμνπρστφχ'];
const GV = [...'αεηιοω'];
const GSUFFIX = ['όπουλος', 'ίδης', 'άκης', 'ίου', 'άς', 'έας'];
/** Synthetic Greek family name n: C V C V + suffix (about 300,000 names). */
export function greekFamilyTail(n: number): Gendered {
  const [c1, v1, c2, v2, s] = digits(n, [
    GC.length,
    GV.length,
    GC.length,
    GV.length,
    GSUFFIX.length,
  ]);
  const stem = `${(GC[c1 as number] as string).toUpperCase()}${GV[v1 as number] as string}${GC[c2 as number] as string}${GV[v2 as number] as string}`;
  return greekFamily(`${stem.slice(0, -1)}${GSUFFIX[s as number] as string}`);
}

// prettier-ignore
export const WESTERN_MALE: readonly Part[] = [
  ['Thomas'], ['Peter'], ['Michael', 'Michel'], ['Johannes', 'Johan', 'John'], ['Paul', 'Paulus'], ['Alexander', 'Alex'],
  ['Pierre'], ['David'], ['Daniel'], ['Martin'], ['Jan'], ['Stefan', 'Stephan'], ['Andreas'], ['Marco'], ['Luca'],
  ['Jean'], ['Philippe', 'Philipp'], ['Christian'], ['Markus', 'Marcus'], ['Willem', 'Wilhelm'],
];
// prettier-ignore
export const WESTERN_FEMALE: readonly Part[] = [
  ['Maria'], ['Anna'], ['Sarah', 'Sara'], ['Julia'], ['Laura'], ['Marie'], ['Sophie', 'Sofie'], ['Elena'], ['Claire'],
  ['Katharina', 'Catharina'], ['Anne'], ['Eva'],
];
// prettier-ignore
export const WESTERN_FAMILY_HEAD: readonly Part[] = [
  ['Müller', 'Mueller', 'Muller'], ['de Vries', 'De Vries'], ['Smith'], ['Martin'], ['Schmidt', 'Schmitt'], ['Dubois'],
  ['Rossi'], ['Jansen', 'Janssen'], ['Bernard'], ['Schneider'], ['Fischer'], ['van Dijk', 'Van Dijk', 'Vandijk'],
  ['Garcia', 'García'], ['Bakker'], ['Meyer', 'Meier', 'Maier'], ['Hollebrand'], ['van Mazijk', 'Van Mazijk', 'Vanmazijk'],
];
const WC = ['b', 'br', 'd', 'f', 'g', 'h', 'k', 'l', 'm', 'n', 'p', 'r', 's', 'st', 't', 'w'];
const WV = ['a', 'e', 'i', 'o', 'u', 'ei', 'au'];
const WSUFFIX = ['er', 'mann', 'son', 'ez', 'ini', 'ard', 'sen', 'ot', 'ley', 'berg'];
/** Synthetic Western family name n: C V C [V C] + suffix (about 1.5 million names), with a doubled-letter variant. */
export function westernFamilyTail(n: number): Part {
  const [c1, v1, c2, extra, s] = digits(n, [
    WC.length,
    WV.length,
    WC.length,
    1 + WV.length * WC.length,
    WSUFFIX.length,
  ]);
  const more =
    extra === 0
      ? ''
      : `${WV[((extra as number) - 1) % WV.length] as string}${WC[Math.floor(((extra as number) - 1) / WV.length)] as string}`;
  const word = `${WC[c1 as number] as string}${WV[v1 as number] as string}${WC[c2 as number] as string}${more}${WSUFFIX[s as number] as string}`;
  const name = word.charAt(0).toUpperCase() + word.slice(1);
  return [...new Set([name, name.replace(/([^aeiou])(er|ot)$/u, '$1$1$2')])];
}
