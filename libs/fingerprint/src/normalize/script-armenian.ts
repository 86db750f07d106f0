/**
 * Armenian to Latin, Eastern Armenian values of BGN/PCGN 1981 and ISO 9985
 * without diacritics: Արամ = Aram, Գրիգոր = Grigor, -յան = -yan. ու is u,
 * ե is ye and ո is vo at the start of a word (Yerevan, Vostanik), և is ev.
 * Western Armenian spellings swap voiced and voiceless stops (Krikor for
 * Grigor, Hagop for Hakob, Kevork for Gevorg); the skeleton's b/p, t/d and
 * k/g classes already let them meet, so one table serves both.
 */

// prettier-ignore
const LETTERS: Readonly<Record<string, string>> = {
  'ա': 'a', 'բ': 'b', 'գ': 'g', 'դ': 'd', 'ե': 'e', 'զ': 'z', 'է': 'e', 'ը': 'e',
  'թ': 't', 'ժ': 'zh', 'ի': 'i', 'լ': 'l', 'խ': 'kh', 'ծ': 'ts', 'կ': 'k', 'հ': 'h',
  'ձ': 'dz', 'ղ': 'gh', 'ճ': 'ch', 'մ': 'm', 'յ': 'y', 'ն': 'n', 'շ': 'sh', 'ո': 'o',
  'չ': 'ch', 'պ': 'p', 'ջ': 'j', 'ռ': 'r', 'ս': 's', 'վ': 'v', 'տ': 't', 'ր': 'r',
  'ց': 'ts', 'ւ': 'v', 'փ': 'p', 'ք': 'k', 'օ': 'o', 'ֆ': 'f', 'և': 'ev',
};

// prettier-ignore
const INITIAL: Readonly<Record<string, string>> = { 'ե': 'ye', 'ո': 'vo', 'և': 'yev' };

/** Armenian letters (capitals fold to small letters before this runs) and the ligatures ﬓ–ﬗ. */
export const ARMENIAN_RANGE = /[\u0531-\u0556\u0560-\u0588\uFB13-\uFB17]+/gu;

/** One Armenian word (after case folding and NFKC) in Latin. */
export function armenianToLatin(word: string): string {
  let out = '';
  const chars = [...word];
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i] as string;
    if (ch === 'ո' && chars[i + 1] === 'ւ') {
      out += 'u';
      i++;
    } else if (out.length === 0 && INITIAL[ch] !== undefined) {
      out += INITIAL[ch];
    } else {
      out += LETTERS[ch] ?? '';
    }
  }
  return out;
}
