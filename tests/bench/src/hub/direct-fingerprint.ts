/**
 * Seeding only: fingerprints computed directly with the hub's OPRF key,
 * fp(x) = HMAC-SHA256(K_group, SHA-512(len(x) || x || len(u) || u || "Finalize"))
 * with u = k_hub · HashToGroup(x) — the same value the blinded protocol
 * yields (RFC 9497: unblinding removes exactly the blind), at a third of the
 * cost. The bench checks equality with fingerprints made through the hub.
 */
import { createHash, createHmac } from 'node:crypto';
import { evaluateSync, hashToGroup } from '@parallax/fingerprint';

const FINALIZE = Buffer.from('Finalize', 'utf8');

function i2osp2(n: number): Buffer {
  return Buffer.from([(n >>> 8) & 0xff, n & 0xff]);
}

/** Packed fingerprints (32 bytes each, raw) of OPRF input strings `parallax/v1/<kind>/<value>`. */
export function directFingerprints(
  oprfKey: Uint8Array,
  groupKey: Uint8Array,
  inputs: readonly string[],
): Uint8Array {
  const bytes = inputs.map((s) => Buffer.from(s, 'utf8'));
  const evaluated = evaluateSync(
    oprfKey,
    bytes.map((b) => hashToGroup(b)),
  );
  const out = new Uint8Array(inputs.length * 32);
  bytes.forEach((input, i) => {
    const u = evaluated[i] as Uint8Array;
    const output = createHash('sha512')
      .update(i2osp2(input.length))
      .update(input)
      .update(i2osp2(u.length))
      .update(u)
      .update(FINALIZE)
      .digest();
    out.set(createHmac('sha256', groupKey).update(output).digest(), i * 32);
  });
  return out;
}
