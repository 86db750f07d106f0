/**
 * Standard, padded base64 without Buffer (browsers, workers, Node). Decoding
 * is strict: only the canonical encoding of some bytes is accepted, so a
 * certificate or pin cannot carry two spellings of the same key.
 */
export function encodeBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/u;

/** Throws unless `text` is the canonical base64 of some bytes. */
export function decodeBase64(text: string): Uint8Array {
  if (!BASE64.test(text)) throw new Error('Not canonical base64');
  const s = atob(text);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  if (encodeBase64(out) !== text) throw new Error('Not canonical base64');
  return out;
}

/** Byte-wise equality in time independent of where the arrays differ. */
export function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= (a[i] ?? 0) ^ (b[i] ?? 0);
  return diff === 0;
}
