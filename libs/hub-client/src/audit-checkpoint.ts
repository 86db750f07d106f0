import { ed25519 } from '@noble/curves/ed25519.js';
import { fromBase64 } from './base64.js';

/**
 * Signed audit checkpoints, checked by members' clients.
 *
 * The hub signs {sequence, head hash, time} of its audit hash chain with an
 * Ed25519 key derived from its master key. A client keeps the latest
 * checkpoint it saw and the hub's public key (pinned on first use); later it
 * asks the hub for the hash of the entry at the kept sequence. Any rewrite of
 * an entry at or before that sequence changes that hash (each hash covers the
 * one before it), so a hub that rewrote history — even consistently, so that
 * its own verification passes — is caught by every member holding an older
 * checkpoint. Pure: runs in the browser, a worker and the CLI.
 */
export interface SignedCheckpoint {
  /** Sequence number of the last entry covered (decimal). */
  seq: string;
  /** hex SHA-256 of that entry. */
  headHash: string;
  /** ISO 8601, exactly as signed. */
  createdAt: string;
  /** base64 Ed25519 signature over `checkpointMessage`. */
  signature: string;
}

/** What the client remembers between visits (localStorage in the web client). */
export interface KeptCheckpoint {
  hubPublicKey: string;
  checkpoint: SignedCheckpoint;
}

/** The hub's answer: its key, its latest checkpoint and the current hash at the kept sequence. */
export interface HubCheckpointAnswer {
  hubPublicKey: string;
  latest: SignedCheckpoint | null;
  entryHashAtKnownSeq: string | null;
}

export type CheckpointProblem =
  /** The hub presents another checkpoint key than the one pinned. */
  | 'hub_key_changed'
  /** A checkpoint does not verify under the hub's key (or is malformed). */
  | 'bad_signature'
  /** The entry at the kept sequence no longer has the kept hash. */
  | 'history_rewritten'
  /** The hub's chain is now shorter than a checkpoint it signed. */
  | 'history_truncated';

export type CheckpointCheck =
  | { ok: true; keep: KeptCheckpoint | null }
  | { ok: false; problem: CheckpointProblem; keep: KeptCheckpoint | null };

const DOMAIN = 'parallax/v1/audit-checkpoint';
const SEQ = /^[1-9]\d{0,18}$/;
const HASH = /^[0-9a-f]{64}$/;
const TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** The exact bytes the hub signs; malformed fields are refused rather than signed ambiguously. */
export function checkpointMessage(c: Pick<SignedCheckpoint, 'seq' | 'headHash' | 'createdAt'>): Uint8Array {
  if (!SEQ.test(c.seq) || !HASH.test(c.headHash) || !TIME.test(c.createdAt)) {
    throw new Error('Malformed audit checkpoint');
  }
  return new TextEncoder().encode(`${DOMAIN}\n${c.seq}\n${c.headHash}\n${c.createdAt}`);
}

export function verifyCheckpoint(c: SignedCheckpoint, hubPublicKey: string): boolean {
  try {
    const key = fromBase64(hubPublicKey);
    const signature = fromBase64(c.signature);
    if (key.length !== 32 || signature.length !== 64) return false;
    return ed25519.verify(signature, checkpointMessage(c), key, { zip215: false });
  } catch {
    return false;
  }
}

const newer = (a: SignedCheckpoint, b: SignedCheckpoint): boolean => BigInt(a.seq) > BigInt(b.seq);
/** Only the signed fields (an answer may carry more, e.g. GraphQL's __typename). */
const fields = (c: SignedCheckpoint): SignedCheckpoint => ({
  seq: c.seq,
  headHash: c.headHash,
  createdAt: c.createdAt,
  signature: c.signature,
});

/**
 * Compares the hub's answer with what the client kept. On success `keep` is
 * what to store now (the newer checkpoint); on failure `keep` is the old
 * record, unchanged, so the evidence is not overwritten by the hub's story.
 */
export function checkAuditCheckpoint(kept: KeptCheckpoint | null, answer: HubCheckpointAnswer): CheckpointCheck {
  const fail = (problem: CheckpointProblem): CheckpointCheck => ({ ok: false, problem, keep: kept });
  if (kept && kept.hubPublicKey !== answer.hubPublicKey) return fail('hub_key_changed');
  if (answer.latest && !verifyCheckpoint(answer.latest, answer.hubPublicKey)) return fail('bad_signature');
  if (!kept) {
    return { ok: true, keep: answer.latest ? { hubPublicKey: answer.hubPublicKey, checkpoint: fields(answer.latest) } : null };
  }
  // Re-checked: local storage is not trusted either.
  if (!verifyCheckpoint(kept.checkpoint, kept.hubPublicKey)) return fail('bad_signature');
  if (!answer.latest || BigInt(answer.latest.seq) < BigInt(kept.checkpoint.seq)) return fail('history_truncated');
  if (answer.entryHashAtKnownSeq === null) return fail('history_truncated');
  if (answer.entryHashAtKnownSeq !== kept.checkpoint.headHash) return fail('history_rewritten');
  if (answer.latest.seq === kept.checkpoint.seq && answer.latest.headHash !== kept.checkpoint.headHash) {
    return fail('history_rewritten');
  }
  return {
    ok: true,
    keep: newer(answer.latest, kept.checkpoint) ? { hubPublicKey: kept.hubPublicKey, checkpoint: fields(answer.latest) } : kept,
  };
}

/** Parses what was stored, or null when absent or unusable (then the check starts afresh). */
export function parseKeptCheckpoint(text: string | null): KeptCheckpoint | null {
  if (!text) return null;
  try {
    const v = JSON.parse(text) as Partial<KeptCheckpoint>;
    const c = v.checkpoint;
    if (
      typeof v.hubPublicKey !== 'string' ||
      !c ||
      typeof c.seq !== 'string' ||
      typeof c.headHash !== 'string' ||
      typeof c.createdAt !== 'string' ||
      typeof c.signature !== 'string'
    ) {
      return null;
    }
    return {
      hubPublicKey: v.hubPublicKey,
      checkpoint: { seq: c.seq, headHash: c.headHash, createdAt: c.createdAt, signature: c.signature },
    };
  } catch {
    return null;
  }
}
