import { beforeAll, describe, expect, it } from 'vitest';
import { ristretto255_hasher, ristretto255_oprf } from '@noble/curves/ed25519.js';
import { bytesToHex, hexToBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import {
  blind,
  createLocalEvaluator,
  deriveOprfKey,
  evaluate,
  evaluateSync,
  finalize,
  finalizeBatch,
  generateOprfKey,
  hashToGroup,
  oprfReady,
  randomScalar,
} from './oprf.js';
import sodium from 'libsodium-wrappers-sumo';

// RFC 9497 Appendix A.1.1: ristretto255-SHA512, OPRF mode
const SEED = hexToBytes('a3a3a3a3a3a3a3a3a3a3a3a3a3a3a3a3a3a3a3a3a3a3a3a3a3a3a3a3a3a3a3a3');
const KEY_INFO = hexToBytes('74657374206b6579');
const SK = '5ebcea5ee37023ccb9fc2d2019f9d7737be85591ae8652ffa9ef0f4d37063b0e';
const BLIND = '64d37aed22a27f5191de1c1d69fadb899d8862b58eb4220029e036ec4c1f6706';
const VECTORS = [
  {
    input: '00',
    blinded: '609a0ae68c15a3cf6903766461307e5c8bb2f95e7e6550e1ffa2dc99e412803c',
    evaluated: '7ec6578ae5120958eb2db1745758ff379e77cb64fe77b0b2d8cc917ea0869c7e',
    output:
      '527759c3d9366f277d8c6020418d96bb393ba2afb20ff90df23fb7708264e2f3ab9135e3bd69955851de4b1f9fe8a0973396719b7912ba9ee8aa7d0b5e24bcf6',
  },
  {
    input: '5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a',
    blinded: 'da27ef466870f5f15296299850aa088629945a17d1f5b7f5ff043f76b3c06418',
    evaluated: 'b4cbf5a4f1eeda5a63ce7b77c7d23f461db3fcab0dd28e4e17cecb5c90d02c25',
    output:
      'f4a74c9c592497375e796aa837e907b1a045d34306a749db9f34221f7e750cb4f2a6413a6bf6fa5e19ba6348eb673934a722a7ede2e7621306d18951e7cf2c73',
  },
];

beforeAll(async () => {
  await oprfReady();
});

describe('OPRF (RFC 9497 ristretto255-SHA512, mode 0)', () => {
  it('derives the RFC test key', () => {
    expect(bytesToHex(deriveOprfKey(SEED, KEY_INFO))).toBe(SK);
  });

  it.each(VECTORS)('reproduces the RFC test vector for input $input', (v) => {
    const input = hexToBytes(v.input);
    const b = blind(input, hexToBytes(BLIND));
    expect(bytesToHex(b.blindedElement)).toBe(v.blinded);
    const [evaluated] = evaluateSync(hexToBytes(SK), [b.blindedElement]);
    expect(bytesToHex(evaluated as Uint8Array)).toBe(v.evaluated);
    expect(bytesToHex(finalize(input, b.blind, evaluated as Uint8Array))).toBe(v.output);
  });

  it('interoperates with @noble/curves in both directions', () => {
    const noble = ristretto255_oprf.oprf;
    const sk = generateOprfKey();
    for (const text of ['parallax/v1/name.pair/ASML HN', '', 'ü→λ محمد']) {
      const input = utf8ToBytes(text);
      // our client, noble server
      const ours = blind(input);
      const nobleEval = noble.blindEvaluate(sk, ours.blindedElement);
      const viaNobleServer = finalize(input, ours.blind, nobleEval);
      // noble client, our server
      const theirs = noble.blind(input);
      const [ourEval] = evaluateSync(sk, [theirs.blinded]);
      const viaOurServer = noble.finalize(input, theirs.blind, ourEval as Uint8Array);
      // both equal the non-interactive PRF value
      const expected = bytesToHex(viaOurServer);
      expect(bytesToHex(viaNobleServer)).toBe(expected);
      const [e] = evaluateSync(sk, [ours.blindedElement]);
      expect(bytesToHex(finalize(input, ours.blind, e as Uint8Array))).toBe(expected);
    }
  });

  it('hashes to the group like @noble/curves (RFC 9380 hash_to_ristretto255)', () => {
    const dst = 'HashToGroup-OPRFV1-\x00-ristretto255-SHA512';
    for (const text of ['x', '', 'parallax/v1/name.full/s:ASML HN']) {
      const input = utf8ToBytes(text);
      expect(bytesToHex(hashToGroup(input))).toBe(
        bytesToHex(ristretto255_hasher.hashToCurve(input, { DST: dst }).toBytes()),
      );
    }
  });

  it('draws blinds as canonical, non-zero, distinct scalars below the group order', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 2000; i++) {
      const r = randomScalar();
      expect(r).toHaveLength(32);
      expect(r.some((x) => x !== 0)).toBe(true);
      // canonical: reducing it again (zero-extended to 64 bytes) leaves it as it is
      const wide = new Uint8Array(64);
      wide.set(r);
      expect(bytesToHex(sodium.crypto_core_ristretto255_scalar_reduce(wide))).toBe(bytesToHex(r));
      seen.add(bytesToHex(r));
    }
    expect(seen.size).toBe(2000);
    // the top byte of a uniform scalar mod 2^252+… spans its range (not stuck at a fixed value)
    const tops = new Set([...Array(200)].map(() => (randomScalar()[31] as number) >> 2));
    expect(tops.size).toBeGreaterThan(1);
  });

  it('uses a fresh blind each time, yet gives the same output', () => {
    const sk = generateOprfKey();
    const input = utf8ToBytes('same input');
    const a = blind(input);
    const b = blind(input);
    expect(bytesToHex(a.blindedElement)).not.toBe(bytesToHex(b.blindedElement));
    const [ea, eb] = evaluateSync(sk, [a.blindedElement, b.blindedElement]);
    expect(bytesToHex(finalize(input, a.blind, ea as Uint8Array))).toBe(
      bytesToHex(finalize(input, b.blind, eb as Uint8Array)),
    );
  });

  it('gives different outputs under different keys and inputs', () => {
    const input = utf8ToBytes('k');
    const b = blind(input);
    const [e1] = evaluateSync(generateOprfKey(), [b.blindedElement]);
    const [e2] = evaluateSync(generateOprfKey(), [b.blindedElement]);
    expect(bytesToHex(finalize(input, b.blind, e1 as Uint8Array))).not.toBe(
      bytesToHex(finalize(input, b.blind, e2 as Uint8Array)),
    );
  });

  it('finalizeBatch equals finalize one by one', () => {
    const sk = generateOprfKey();
    const inputs = ['a', 'b', 'c', 'd', 'e'].map(utf8ToBytes);
    const blinded = inputs.map((i) => blind(i));
    const evaluated = evaluateSync(
      sk,
      blinded.map((b) => b.blindedElement),
    );
    const batch = finalizeBatch(
      inputs,
      blinded.map((b) => b.blind),
      evaluated,
    );
    inputs.forEach((input, i) => {
      expect(bytesToHex(batch[i] as Uint8Array)).toBe(
        bytesToHex(
          finalize(input, (blinded[i] as { blind: Uint8Array }).blind, evaluated[i] as Uint8Array),
        ),
      );
    });
    expect(finalizeBatch([], [], [])).toEqual([]);
    expect(() => finalizeBatch(inputs, [], evaluated)).toThrow(/length/u);
  });

  it('rejects malformed and identity elements, naming the index', async () => {
    const sk = generateOprfKey();
    const good = blind(utf8ToBytes('ok')).blindedElement;
    expect(() => evaluateSync(sk, [good, new Uint8Array(32)])).toThrow(/index 1/u);
    expect(() => evaluateSync(sk, [new Uint8Array(31)])).toThrow(/index 0/u);
    expect(() => evaluateSync(sk, [new Uint8Array(32).fill(0xff)])).toThrow(/index 0/u);
    await expect(evaluate(new Uint8Array(32), [good])).rejects.toThrow(/secret key/u);
    expect(() => createLocalEvaluator(new Uint8Array(5))).toThrow(/secret key/u);
    expect(() => finalize(utf8ToBytes('ok'), hexToBytes(BLIND), new Uint8Array(32))).toThrow(
      /evaluated/u,
    );
  });

  it('the local evaluator is an async batch evaluator', async () => {
    const sk = generateOprfKey();
    const b = blind(utf8ToBytes('q'));
    const [viaEvaluator] = await createLocalEvaluator(sk)([b.blindedElement]);
    expect(bytesToHex(viaEvaluator as Uint8Array)).toBe(
      bytesToHex(evaluateSync(sk, [b.blindedElement])[0] as Uint8Array),
    );
  });
});
