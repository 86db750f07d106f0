/**
 * Arabic-script names written without a space between words (schema v2):
 * محمدعلي = محمد علي, عبدالرحمنمحمد = عبدالرحمن محمد, نورالدين = نور الدين,
 * Persian محمدرضا = محمد رضا. A glued word is segmented by the committed
 * dictionary of frequent name words (arabic-name-words.ts); the split text is
 * an *alternative* reading, the as-written one is always kept.
 *
 * A segment is [prefix] word [suffix]: prefixes Abd, Abd al-, Abu, Abu al-,
 * the article; suffixes al-Din, Allah, -zadeh. "bin", "ibn", "bint" may stand
 * between two segments, and the last segment may be any word after the
 * article (خالدالعمري = خالد العمري: the article is never inside a word). A word that is itself in the dictionary, or that no
 * sequence of segments covers exactly, is left alone; the parse with the
 * fewest segments wins, so a listed compound (عبدالله) is never cut.
 */
import { ARABIC_NAME_WORDS } from './arabic-name-words.js';

const MARKS = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640\u200C\u200D]/u;
// prettier-ignore
const FOLD: Readonly<Record<string, string>> = {
  'أ': 'ا', 'إ': 'ا', 'آ': 'ا', 'ٱ': 'ا', 'ى': 'ي', 'ی': 'ي', 'ې': 'ي', 'ک': 'ك', 'ة': 'ه', 'ۀ': 'ه', 'ۃ': 'ه',
  'ہ': 'ه', 'ھ': 'ه', 'ګ': 'گ',
};

interface Folded {
  readonly text: string;
  /** index in the original word of each folded character */
  readonly origin: readonly number[];
}

function fold(word: string): Folded {
  let text = '';
  const origin: number[] = [];
  const chars = [...word];
  let offset = 0;
  for (const ch of chars) {
    if (!MARKS.test(ch)) {
      text += FOLD[ch] ?? ch;
      origin.push(offset);
    }
    offset += ch.length;
  }
  return { text, origin };
}

const WORDS: ReadonlySet<string> = new Set(
  ARABIC_NAME_WORDS.map((line) => fold(line.split(' ')[0] as string).text),
);
const PREFIXES: readonly string[] = ['عبدال', 'عبد', 'ابوال', 'ابو', 'ال'].map((p) => fold(p).text);
const SUFFIXES: readonly string[] = ['الدين', 'الله', 'زاده'].map((s) => fold(s).text);
const CONNECTORS: readonly string[] = ['بن', 'ابن', 'بنت'];
/** Prefixes that the transliteration already reads when glued (عبدالرحمن, أبوالحسن, الشنطي). */
const GLUED_OK: ReadonlySet<string> = new Set(['عبدال', 'ابوال', 'ال'].map((p) => fold(p).text));
const MAX_WORD = 12;
const ARTICLE = 'ال';

/** A parsed piece [start, end) of the folded word and how it is written back. */
interface Piece {
  readonly start: number;
  readonly end: number;
  /** cut points inside the piece where a space goes (prefix / suffix boundaries) */
  readonly cuts: readonly number[];
}

/** All pieces starting at `start`: [prefix] word [suffix], or a connector. */
function piecesAt(text: string, start: number, tail: boolean): Piece[] {
  const out: Piece[] = [];
  for (const connector of CONNECTORS) {
    if (text.startsWith(connector, start))
      out.push({ start, end: start + connector.length, cuts: [] });
  }
  // a word after a glued article need not be listed: the article marks the boundary (خالدالعمري)
  if (
    tail &&
    start > 0 &&
    text.startsWith(ARTICLE, start) &&
    text.length - start >= ARTICLE.length + 3
  ) {
    out.push({ start, end: text.length, cuts: [] });
  }
  for (const prefix of ['', ...PREFIXES]) {
    if (!text.startsWith(prefix, start)) continue;
    const coreStart = start + prefix.length;
    for (
      let coreEnd = coreStart + 2;
      coreEnd <= Math.min(text.length, coreStart + MAX_WORD);
      coreEnd++
    ) {
      if (!WORDS.has(text.slice(coreStart, coreEnd))) continue;
      const prefixCut = prefix !== '' && !GLUED_OK.has(prefix) ? [coreStart] : [];
      out.push({ start, end: coreEnd, cuts: prefixCut });
      for (const suffix of SUFFIXES) {
        if (text.startsWith(suffix, coreEnd)) {
          out.push({ start, end: coreEnd + suffix.length, cuts: [...prefixCut, coreEnd] });
        }
      }
    }
  }
  return out;
}

/** Fewest-piece exact cover of the folded word (ties: fewest cuts), or null. */
function parse(text: string, tail: boolean): Piece[] | null {
  const best: (Piece[] | null)[] = new Array<Piece[] | null>(text.length + 1).fill(null);
  best[0] = [];
  for (let i = 0; i < text.length; i++) {
    const prefix = best[i];
    if (prefix === null || prefix === undefined) continue;
    for (const piece of piecesAt(text, i, tail)) {
      const candidate = [...prefix, piece];
      const current = best[piece.end];
      const cost = (ps: Piece[]): number =>
        ps.length * 100 + ps.reduce((n, p) => n + p.cuts.length, 0);
      if (!current || cost(candidate) < cost(current)) best[piece.end] = candidate;
    }
  }
  const full = best[text.length] ?? null;
  if (full === null) return null;
  // a connector only joins two names
  const isConnector = (p: Piece): boolean => CONNECTORS.includes(text.slice(p.start, p.end));
  if (
    full.length > 0 &&
    (isConnector(full[0] as Piece) || isConnector(full[full.length - 1] as Piece))
  ) {
    return null;
  }
  return full;
}

/** Word → its split, remembered: names repeat their words, and a list holds many names. */
const memo = new Map<string, string | null>();
const MEMO_LIMIT = 10_000;

/** One glued Arabic-script word written back with spaces, or null when it is not glued. */
export function splitGluedArabicWord(word: string): string | null {
  let split = memo.get(word);
  if (split === undefined) {
    if (memo.size >= MEMO_LIMIT) memo.clear();
    split = splitWord(word);
    memo.set(word, split);
  }
  return split;
}

function splitWord(word: string): string | null {
  const folded = fold(word);
  if (folded.text.length < 5 || WORDS.has(folded.text)) return null;
  // an unlisted word after the article only when the listed words alone cannot cover the word
  const pieces = parse(folded.text, false) ?? parse(folded.text, true);
  if (pieces === null) return null;
  const cuts = new Set<number>();
  pieces.forEach((p, i) => {
    if (i > 0) cuts.add(p.start);
    for (const c of p.cuts) cuts.add(c);
  });
  if (cuts.size === 0) return null;
  let out = '';
  let from = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    const at = folded.origin[cut] as number;
    out += `${word.slice(from, at)} `;
    from = at;
  }
  return out + word.slice(from);
}

const ARABIC_WORD =
  /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF\u200C\u200D]+/gu;

/**
 * The name with every glued Arabic-script word split into its name words,
 * or null when nothing was split (the caller keeps the as-written reading).
 */
export function splitGluedArabic(name: string): string | null {
  if (!/[\u0600-\u06FF]/u.test(name)) return null;
  let changed = false;
  const out = name.normalize('NFC').replace(ARABIC_WORD, (word) => {
    const split = splitGluedArabicWord(word);
    if (split === null) return word;
    changed = true;
    return split;
  });
  return changed ? out : null;
}
