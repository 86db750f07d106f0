import { ed25519 } from '@noble/curves/ed25519.js';
import { describe, expect, it } from 'vitest';
import {
  checkAuditCheckpoint,
  checkpointMessage,
  parseKeptCheckpoint,
  verifyCheckpoint,
  type KeptCheckpoint,
  type SignedCheckpoint,
} from './audit-checkpoint.js';
import { toBase64 } from './base64.js';

const hubKey = ed25519.utils.randomSecretKey();
const hubPublic = toBase64(ed25519.getPublicKey(hubKey));
const hash = (c: string) => c.repeat(64);

function sign(seq: string, headHash: string, key = hubKey): SignedCheckpoint {
  const createdAt = '2026-11-27T08:00:00.000Z';
  const signature = toBase64(ed25519.sign(checkpointMessage({ seq, headHash, createdAt }), key));
  return { seq, headHash, createdAt, signature };
}

const kept = (c: SignedCheckpoint): KeptCheckpoint => ({ hubPublicKey: hubPublic, checkpoint: c });

describe('audit checkpoints', () => {
  it('signs an exact, domain-separated message and refuses malformed fields', () => {
    expect(new TextDecoder().decode(checkpointMessage({ seq: '12', headHash: hash('a'), createdAt: '2026-11-27T08:00:00.000Z' }))).toBe(
      `parallax/v1/audit-checkpoint\n12\n${hash('a')}\n2026-11-27T08:00:00.000Z`,
    );
    expect(() => checkpointMessage({ seq: '012', headHash: hash('a'), createdAt: '2026-11-27T08:00:00.000Z' })).toThrow();
    expect(() => checkpointMessage({ seq: '1\n2', headHash: hash('a'), createdAt: '2026-11-27T08:00:00.000Z' })).toThrow();
    expect(() => checkpointMessage({ seq: '1', headHash: hash('A'), createdAt: '2026-11-27T08:00:00.000Z' })).toThrow();
  });

  it('verifies under the hub key only', () => {
    const c = sign('5', hash('b'));
    expect(verifyCheckpoint(c, hubPublic)).toBe(true);
    expect(verifyCheckpoint({ ...c, seq: '6' }, hubPublic)).toBe(false);
    expect(verifyCheckpoint({ ...c, headHash: hash('c') }, hubPublic)).toBe(false);
    const other = toBase64(ed25519.getPublicKey(ed25519.utils.randomSecretKey()));
    expect(verifyCheckpoint(c, other)).toBe(false);
    expect(verifyCheckpoint({ ...c, signature: 'not base64!' }, hubPublic)).toBe(false);
  });

  it('pins the first checkpoint and key it sees', () => {
    const latest = sign('5', hash('b'));
    expect(checkAuditCheckpoint(null, { hubPublicKey: hubPublic, latest, entryHashAtKnownSeq: null })).toEqual({
      ok: true,
      keep: kept(latest),
    });
    expect(checkAuditCheckpoint(null, { hubPublicKey: hubPublic, latest: null, entryHashAtKnownSeq: null })).toEqual({
      ok: true,
      keep: null,
    });
  });

  it('moves forward when the chain still holds the kept entry', () => {
    const old = sign('5', hash('b'));
    const latest = sign('9', hash('d'));
    expect(checkAuditCheckpoint(kept(old), { hubPublicKey: hubPublic, latest, entryHashAtKnownSeq: hash('b') })).toEqual({
      ok: true,
      keep: kept(latest),
    });
    expect(checkAuditCheckpoint(kept(old), { hubPublicKey: hubPublic, latest: old, entryHashAtKnownSeq: hash('b') })).toEqual({
      ok: true,
      keep: kept(old),
    });
  });

  it('catches a rewritten history, a truncated one, a new key and a forged checkpoint, keeping the evidence', () => {
    const old = sign('5', hash('b'));
    const latest = sign('9', hash('d'));
    const answer = { hubPublicKey: hubPublic, latest, entryHashAtKnownSeq: hash('b') };
    expect(checkAuditCheckpoint(kept(old), { ...answer, entryHashAtKnownSeq: hash('e') })).toEqual({
      ok: false,
      problem: 'history_rewritten',
      keep: kept(old),
    });
    expect(checkAuditCheckpoint(kept(old), { ...answer, entryHashAtKnownSeq: null })).toMatchObject({
      ok: false,
      problem: 'history_truncated',
    });
    expect(checkAuditCheckpoint(kept(old), { ...answer, latest: sign('4', hash('f')) })).toMatchObject({
      ok: false,
      problem: 'history_truncated',
    });
    expect(checkAuditCheckpoint(kept(old), { ...answer, latest: sign('5', hash('f')) })).toMatchObject({
      ok: false,
      problem: 'history_rewritten',
    });
    const impostor = ed25519.utils.randomSecretKey();
    expect(
      checkAuditCheckpoint(kept(old), {
        ...answer,
        hubPublicKey: toBase64(ed25519.getPublicKey(impostor)),
        latest: sign('9', hash('d'), impostor),
      }),
    ).toMatchObject({ ok: false, problem: 'hub_key_changed' });
    expect(checkAuditCheckpoint(kept(old), { ...answer, latest: { ...latest, headHash: hash('0') } })).toMatchObject({
      ok: false,
      problem: 'bad_signature',
    });
    expect(checkAuditCheckpoint(kept({ ...old, seq: '3' }), answer)).toMatchObject({ ok: false, problem: 'bad_signature' });
  });

  it('parses what it stored and ignores anything else', () => {
    const k = kept(sign('5', hash('b')));
    expect(parseKeptCheckpoint(JSON.stringify(k))).toEqual(k);
    expect(parseKeptCheckpoint(null)).toBeNull();
    expect(parseKeptCheckpoint('{')).toBeNull();
    expect(parseKeptCheckpoint('{"hubPublicKey":1}')).toBeNull();
  });
});
