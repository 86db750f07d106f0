/**
 * Greek names (written in Greek, romanised by ELOT 743 and phonetic
 * variants; women's family names in the genitive, as Greek registers write
 * them) and Western European names (Latin only).
 */
import { pickByDigits, type Part } from './pool.js';
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
/** Synthetic Greek family name n: C V C + suffix (8,100 names; each at 6 of every 48,600 ranks). */
export function greekFamilyTail(n: number): Gendered {
  // The second vowel takes a digit but is not written (the suffix brings its
  // own vowel): that is how the ranks were first numbered, and the seed
  // caches hold the names they got.
  const [c1, v1, c2, , suffix] = pickByDigits(n, [GC, GV, GC, GV, GSUFFIX]);
  return greekFamily(`${c1.toUpperCase()}${v1}${c2}${suffix}`);
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
/**
 * The optional syllable after C V C: none, or a vowel and a consonant, the
 * vowel changing fastest (the rank order the seed caches were built with).
 */
const WEXTRA = ['', ...WC.flatMap((c) => WV.map((v) => `${v}${c}`))];
/** Synthetic Western family name n: C V C [V C] + suffix (about 1.5 million names), with a doubled-letter variant. */
export function westernFamilyTail(n: number): Part {
  const word = pickByDigits(n, [WC, WV, WC, WEXTRA, WSUFFIX]).join('');
  const name = word.charAt(0).toUpperCase() + word.slice(1);
  return [...new Set([name, name.replace(/([^aeiou])(er|ot)$/u, '$1$1$2')])];
}
