import { Inject, Injectable } from '@nestjs/common';
import { ed25519 } from '@noble/curves/ed25519.js';
import type { Actor } from '@parallax/authz';
import { DataSource, type EntityManager } from 'typeorm';
import { RUNTIME, type Runtime } from '../../common/runtime.js';
import { runAsTenant } from '../../common/tenant/tenant-transaction.js';
import { AuditRepository, type CheckpointRow } from './audit.repository.js';
import type { AuditCheckpoint, AuditCheckpointView } from './models/audit-entry.model.js';

/** At most one new checkpoint per period; members asking in between get the latest. */
export const CHECKPOINT_PERIOD_MS = 10 * 60_000;

/** HKDF label of the hub's checkpoint signing key: its own key, never stored, rebuilt from the master key. */
const SIGNING_KEY_LABEL = 'parallax/v1/audit-checkpoint-signing-key';

/**
 * The bytes the hub signs. Must stay identical to `checkpointMessage` in
 * libs/hub-client/src/audit-checkpoint.ts, which members' clients verify
 * with (test/audit-v2.spec.ts checks one against the other).
 */
export function checkpointMessage(seq: string, headHashHex: string, createdAtIso: string): Uint8Array {
  return new TextEncoder().encode(`parallax/v1/audit-checkpoint\n${seq}\n${headHashHex}\n${createdAtIso}`);
}

function toCheckpoint(r: CheckpointRow): AuditCheckpoint {
  return {
    seq: r.seq,
    headHash: r.head_hash.toString('hex'),
    createdAt: r.created_at.toISOString(),
    signature: r.signature.toString('base64'),
  };
}

/**
 * Signed checkpoints of the audit chain, made on demand (at most one per
 * period), so every member's client can keep one and later check that the
 * hub's chain still contains it.
 */
@Injectable()
export class AuditCheckpointService {
  private signingKey: { secret: Uint8Array; publicKey: Uint8Array } | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: AuditRepository,
    @Inject(RUNTIME) private readonly runtime: Runtime,
  ) {}

  /** base64 of the hub's checkpoint public key. */
  publicKey(): string {
    return Buffer.from(this.key().publicKey).toString('base64');
  }

  async view(actor: Actor, knownSeq: string | null, periodMs = CHECKPOINT_PERIOD_MS): Promise<AuditCheckpointView> {
    return runAsTenant(this.dataSource, actor, async (m) => {
      const latest = await this.ensure(m, periodMs);
      const hash = knownSeq ? await this.repository.entryHash(m, knownSeq) : null;
      return {
        hubPublicKey: this.publicKey(),
        latest: latest ? toCheckpoint(latest) : null,
        entryHashAtKnownSeq: hash ? hash.toString('hex') : null,
      };
    });
  }

  /** The latest checkpoint, after signing a new one if the last is older than `periodMs` and the chain grew. */
  async ensure(m: EntityManager, periodMs = CHECKPOINT_PERIOD_MS): Promise<CheckpointRow | null> {
    const latest = await this.repository.latestCheckpoint(m);
    const now = new Date();
    if (latest && now.getTime() - latest.created_at.getTime() < periodMs) return latest;
    const head = await this.repository.chainHead(m);
    if (!head?.seq || !head.hash) return latest;
    if (latest && BigInt(latest.seq) >= BigInt(head.seq)) return latest;
    const seq = String(head.seq);
    const row: CheckpointRow = {
      seq,
      head_hash: head.hash,
      created_at: now,
      signature: Buffer.from(
        ed25519.sign(checkpointMessage(seq, head.hash.toString('hex'), now.toISOString()), this.key().secret),
      ),
    };
    // Another replica may have signed the same head a moment ago: theirs stands.
    if (await this.repository.insertCheckpoint(m, row)) return row;
    return this.repository.latestCheckpoint(m);
  }

  private key(): { secret: Uint8Array; publicKey: Uint8Array } {
    if (!this.signingKey) {
      const secret = new Uint8Array(this.runtime.secretBox.deriveKey(SIGNING_KEY_LABEL));
      this.signingKey = { secret, publicKey: ed25519.getPublicKey(secret) };
    }
    return this.signingKey;
  }
}
