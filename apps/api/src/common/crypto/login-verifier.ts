import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

// The login key is already the output of a memory-hard KDF run by the client,
// so the server-side hash only has to make a stolen verifier table useless
// for logging in; scrypt at N=2^15 costs ~50 ms here.
const PARAMS = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 } as const;

function scryptAsync(secret: Uint8Array, salt: Buffer, opts: ScryptOptions): Promise<Buffer> {
  return new Promise((ok, fail) => scrypt(secret, salt, 32, opts, (e, key) => (e ? fail(e) : ok(key))));
}

export async function hashLoginKey(loginKey: Uint8Array): Promise<string> {
  const salt = randomBytes(16);
  const hash = await scryptAsync(loginKey, salt, PARAMS);
  return `scrypt$${PARAMS.N}$${PARAMS.r}$${PARAMS.p}$${salt.toString('base64')}$${hash.toString('base64')}`;
}

export async function verifyLoginKey(loginKey: Uint8Array, verifier: string): Promise<boolean> {
  const [alg, n, r, p, salt, hash] = verifier.split('$');
  if (alg !== 'scrypt' || !n || !r || !p || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const actual = await scryptAsync(loginKey, Buffer.from(salt, 'base64'), {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: PARAMS.maxmem,
  });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
