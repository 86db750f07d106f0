/**
 * A second, common reading of East Slavic names written in any Latin
 * convention; and the other reading of the letters toLatin marks with an x
 * (š č ž ć: Karadžić = Karadzic = Karadzhich; Hebrew ב פ ו: Avraham =
 * Abraham).
 *
 * The same Russian, Ukrainian or Belarusian name reaches a list in English
 * (passport ICAO 9303, BGN/PCGN), Ukrainian national (2010), Belarusian
 * national, ISO 9, German, Polish or French spelling. The consonant skeleton
 * already absorbs vowels (ya/ia/ja, yu/iu/û, ou/u) and sh/ch/sch/tch/shch,
 * zh/j/dj, kh/h. What is left differs in consonant classes that must stay
 * apart in general (w is a vowel in Arabic names, h is a real h, c and z
 * mean different sounds in different languages). So a name that *looks*
 * East Slavic gets one more reading in which those letters are read as the
 * romanisations of Cyrillic do; its original reading is kept, so nothing
 * that matched before stops matching. Keys are made for both readings.
 *
 * Every rule applies only within that second reading of names recognised
 * by their endings (looksEastSlavic), and each is idempotent. Marked
 * letters (š č ž, Hebrew ב פ ו, see toLatin) instead give their token one
 * alternative form in the original reading.
 */
import { belarusianOvEnding, hasStandaloneH, looksEastSlavic, standaloneHToG } from './skeleton.js';

/**
 * Rewrites one Latin form (as produced by toLatin) into the common reading:
 * its form there, then at most one alternative (German sch and s, which
 * write both voiced and voiceless sounds: Schukow = Zhukov, Sacharow =
 * Zakharov).
 */
export type FormRewrite = (form: string) => readonly string[];

interface Style {
  /** looks East Slavic (Russian, Ukrainian, Belarusian in any romanisation) */
  readonly eastSlavic: boolean;
  /** a Central European convention (German, Polish, Czech, ISO 9): ch is х */
  readonly central: boolean;
  /** German transcription (sch): z is ц */
  readonly german: boolean;
  /** French transcription (tch, ou, -off, -itch, gue): j is ж */
  readonly french: boolean;
  /** Belarusian romanisation (-ou, -enka, dzi…): ў, дз, ць */
  readonly belarusian: boolean;
  /** toLatin's hushing mark (š = sx) is present */
  readonly hushing: boolean;
}

const HUSHING = /[scz]x/u;
const MARKED = /[sczvpfw]x/u;
// sch/sz/cz/w and j-endings belong to German, Polish, Czech and ISO 9, never to English romanisation
const CENTRAL = /sch|sz|cz|w|[scz]x/u;
// -ij / -ej are й in those conventions, but French -ej is -еж: a weaker signal
const CENTRAL_ENDING = /(?:ij|yj|ej)$/u;
const FRENCH = /tch|(?:off|eff|itch)$|ou(?!$|sk)|gu[eiy]/u;
const BELARUSIAN = /dzi|^dzm|(?:auna|ouski|ouskaya|ouskaja|ouskii|ouskiy|enka|onak|enak)$/u;

function styleOf(tokens: readonly string[], eastSlavic: boolean): Style {
  const german = eastSlavic && tokens.some((t) => t.includes('sch'));
  const frenchSigns = tokens.some((t) => FRENCH.test(t));
  const central =
    german ||
    tokens.some((t) => CENTRAL.test(t)) ||
    (!frenchSigns && tokens.some((t) => CENTRAL_ENDING.test(t)));
  return {
    eastSlavic,
    german,
    central,
    french: eastSlavic && !central && frenchSigns,
    belarusian: eastSlavic && tokens.some((t) => BELARUSIAN.test(t) || belarusianOvEnding(t, true)),
    hushing: tokens.some((t) => HUSHING.test(t)),
  };
}

/**
 * Central European ch is х (Michail, Chruschtschow, Dolgich); not in sch/tsch/tch, nor in an English
 * patronymic -vich that a mixed spelling may carry (Wladimir Vladimirovich).
 */
const chAsKh = (form: string): string =>
  form.endsWith('vich')
    ? chAsKh(form.slice(0, -4)) + 'vich'
    : form.replace(/(^|[^st])ch/gu, '$1kh');

const MARK_READINGS: Readonly<Record<string, string>> = {
  sx: 'sh',
  zx: 'zh',
  cx: 'tch', // not ch, which chAsKh would take
  vx: 'b',
  px: 'f',
  fx: 'p',
  wx: 'v',
};

/**
 * The form with toLatin's marked letters read the other way: š sh, ž zh,
 * č ć tch; Hebrew ב b (Abraham), initial פ f (Fridman), medial פ p
 * (Kaplan), ו v (David). Unmarked forms are returned as they are.
 */
export function markedAlternative(form: string): string {
  return form.includes('x') ? form.replace(/[sczvpfw]x/gu, (m) => MARK_READINGS[m] ?? m) : form;
}

/** German sch and s also write ж and з: Schukow = Zhukov, Sacharow = Zakharov, Kasakow = Kazakov. */
const germanVoiced = (form: string): string =>
  form
    .replace(/(^|[^t])sch/gu, '$1zh')
    .replace(/^s(?=[aeiouy])/u, 'z')
    .replace(/([aeiouy])s(?=[aeiouy])/gu, '$1z');

function eastSlavicRules(form: string, style: Style): string {
  let f = form;
  // German, Polish w for в (Iwanow, Wladimir)
  if (f.includes('w')) f = f.replace(/w/gu, 'v');
  // j for й in every non-English convention (Jurij, Jewgeni, Sergejewitsch) but French (Joukov);
  // dj is дж in French and English, дй/дь in German, Polish, ISO 9 (Djubin)
  if (f.includes('j')) {
    f = f.replace(style.central ? /()j/gu : /(^|[^d])j/gu, style.french ? '$1zh' : '$1y');
  }
  // French -off / -eff (Smirnoff, Rachmaninoff)
  if (f.endsWith('ff')) f = `${f.slice(0, -2)}v`;
  // German z for ц (Jelzin, Kusnezow)
  if (style.german && f.includes('z')) f = f.replace(/z(?!h)/gu, 'ts');
  // ISO 9 / Polish / Czech c for ц (Cvetkov, Jelcyn, Bacov); English and French write c for к in
  // anglicised names (Nicolai, Victor), so outside those conventions only where it cannot be к
  if (f.includes('c')) f = f.replace(style.central ? /c(?![hzkx])/gu : /c(?=[eiyv]|$)/gu, 'ts');
  if (style.belarusian) {
    f = f
      // -ou / -au / -eu, -ouski, -auna (ў for в): Ivanou, Tsikhanouskaya, Paulauna
      .replace(/(au|eu|ou)$/u, (m) => `${m[0] as string}v`)
      .replace(/ousk/gu, 'ovsk')
      .replace(/(a|e)u(?=[bcdfghklmnprstvz])/gu, '$1v')
      // initial ў before a consonant (Uladzimir, Ulas)
      .replace(/^u(?=[bcdfgklmnprstvz])/u, 'v')
      // дз, ць for soft д, т (Uladzimir, Dzmitry, Tsikhanouskaya)
      .replace(/dz(?!h)/gu, 'd')
      .replace(/ts(?=[ie])/gu, 't');
  }
  return f;
}

function rewrite(form: string, style: Style, hAsG: boolean): string {
  let f = style.central && form.includes('ch') ? chAsKh(form) : form;
  if (style.hushing) f = markedAlternative(f);
  if (style.eastSlavic) f = eastSlavicRules(f, style);
  if (hAsG || !style.eastSlavic) return hAsG ? standaloneHToG(f) : f;
  // the reading where h is х (ISO 9, Czech, Polish) keeps a final one, which the skeleton drops
  // after a vowel for Arabic -ah: -yh / -gih / -kih for -ых / -их (Černyh = Chernykh) in any
  // East Slavic name, any vowel + h in a Central European one (Bah = Bakh)
  return f.replace(style.central ? /([aeiouy])h$/u : /(y|[gk]i)h$/u, '$1kh');
}

/**
 * The common readings of a name (its Latin token forms) beyond the
 * original one: none for a name that neither looks East Slavic nor has
 * š č ž; otherwise one, or two when an East Slavic name has a standalone h,
 * which may be г (Ukrainian, Belarusian: Hryhorii, Siarhei) or х (ISO 9,
 * Czech: Mihail) — one reading takes each. A reading that changes nothing
 * is left out, so plain English romanisations cost no extra keys.
 */
export function slavicReadings(tokens: readonly string[]): FormRewrite[] {
  const style = styleOf(tokens, looksEastSlavic(tokens));
  if (!style.eastSlavic) return [];
  const hOptions = tokens.some(hasStandaloneH) ? [false, true] : [false];
  const out: FormRewrite[] = [];
  const seen = new Set<string>([tokens.join(' ')]);
  for (const hAsG of hOptions) {
    // each form is rewritten once: the signature below and keys.ts ask for the same forms
    const memo = new Map<string, readonly string[]>();
    const rw: FormRewrite = (form) => {
      let result = memo.get(form);
      if (result === undefined) {
        const f = rewrite(form, style, hAsG);
        const voiced = style.german ? germanVoiced(f) : f;
        result = voiced === f ? [f] : [f, voiced];
        memo.set(form, result);
      }
      return result;
    };
    const signature = tokens.map((t) => rw(t).join('/')).join(' ');
    if (seen.has(signature)) continue;
    seen.add(signature);
    out.push(rw);
  }
  return out;
}

/**
 * The token forms of a name under each of its readings, each token's forms
 * deduplicated: the original reading first, where a token with marked
 * letters (š, Hebrew ב…) also has its {@link markedAlternative} (each token
 * on its own: אברהם פרידמן = Avraham Fridman needs ב as v and פ as f), then
 * the common readings of an East Slavic name ({@link slavicReadings}).
 * keys.ts makes keys for every reading.
 */
export function formReadings(tokenForms: readonly (readonly string[])[]): string[][][] {
  const flat = tokenForms.flat();
  const marked = flat.some((f) => MARKED.test(f));
  const out = [
    tokenForms.map((forms) =>
      marked ? [...new Set([...forms, ...forms.map(markedAlternative)])] : [...forms],
    ),
  ];
  for (const rw of slavicReadings(flat)) {
    out.push(tokenForms.map((forms) => [...new Set(forms.flatMap(rw))]));
  }
  return out;
}
