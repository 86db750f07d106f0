import { FINGERPRINT_SCHEMA_VERSION } from '@parallax/fingerprint';
import { generateSigningKeyPair, generateUserKeyPair } from '@parallax/identity';
import { fromBase64, toBase64 } from '../base64.js';
import type { KeyOwner } from '../key-owner.js';
import { HubError, type HubRequest } from '../request.js';

/** A user of the stand-in hub, with real keys the tests hold. */
export interface FakeUser {
  id: string;
  displayName: string;
  organisationId: string | null;
  role: 'org_admin' | 'investigator' | null;
  isCoordinator: boolean;
  /** The public keys the hub lists (a malicious hub may change them). */
  listedEncryptionKey: Uint8Array;
  listedSigningKey: Uint8Array | null;
  owner: KeyOwner;
}

interface Grant {
  sealedKey: string;
  senderId: string;
}

interface Epoch {
  number: number;
  commitment: { tag: string; signature: string; coordinatorUserId: string };
  grants: Map<string, Grant>;
}

interface StoredCertificate {
  id: string;
  kind: string;
  workingGroupId: string | null;
  subjectUserId: string;
  issuerUserId: string;
  body: string;
  signature: string;
  createdAt: string;
}

/**
 * A stand-in hub for the key protocol, honest by default (it stores and
 * relays what clients send, like apps/api), with the handles a test needs
 * to play a malicious one: add accounts, swap listed keys, plant grants,
 * rewrite commitments, forge certificates.
 */
export function fakeKeyHub(workingGroupId = 'wg-1') {
  const users = new Map<string, FakeUser>();
  const epochs: Epoch[] = [];
  const certificates: StoredCertificate[] = [];
  const rejected: Array<{ userId: string; epoch: number }> = [];
  const calls: string[] = [];

  function addUser(u: {
    id: string;
    displayName?: string;
    organisationId: string | null;
    role?: FakeUser['role'];
    isCoordinator?: boolean;
    withSigningKey?: boolean;
  }): FakeUser {
    const enc = generateUserKeyPair();
    const sig = generateSigningKeyPair();
    const user: FakeUser = {
      id: u.id,
      displayName: u.displayName ?? u.id,
      organisationId: u.organisationId,
      role: u.role ?? null,
      isCoordinator: u.isCoordinator ?? false,
      listedEncryptionKey: enc.publicKey,
      listedSigningKey: u.withSigningKey === false ? null : sig.publicKey,
      owner: {
        userId: u.id,
        privateKey: enc.privateKey,
        signingPrivateKey: u.withSigningKey === false ? null : sig.privateKey,
      },
    };
    users.set(u.id, user);
    return user;
  }

  const current = (): Epoch | undefined => epochs[epochs.length - 1];
  const holders = () => [...users.values()];
  const pendingFor = (e: Epoch | undefined) => holders().filter((u) => !e?.grants.has(u.id));

  function handle(actorId: string, query: string, v: Record<string, unknown>): unknown {
    const actor = users.get(actorId);
    if (!actor) throw new HubError('UNAUTHENTICATED', 'no such user');
    const name = /(?:query|mutation)\s+(\w+)/u.exec(query)?.[1] ?? '?';
    calls.push(`${actorId}:${name}`);
    switch (name) {
      case 'GroupKeyStatus': {
        const e = current();
        const mine = e?.grants.get(actorId);
        return {
          groupKeyStatus: {
            workingGroupId,
            epoch: e?.number ?? null,
            schemaVersion: e ? FINGERPRINT_SCHEMA_VERSION : null,
            mySealedKey: mine?.sealedKey ?? null,
            mySealedKeySenderId: mine?.senderId ?? null,
            isCoordinator: actor.isCoordinator,
            epochCommitment: e?.commitment ? { ...e.commitment } : null,
            pendingRecipients: pendingFor(e).map((u) => ({
              userId: u.id,
              displayName: u.displayName,
              publicKey: toBase64(u.listedEncryptionKey),
              signingPublicKey: u.listedSigningKey ? toBase64(u.listedSigningKey) : null,
              organisationId: u.organisationId,
            })),
          },
        };
      }
      case 'KeyDirectory':
        return {
          keyDirectory: {
            holders: holders().map((u) => ({
              userId: u.id,
              displayName: u.displayName,
              organisationId: u.organisationId,
              organisationName: u.organisationId,
              role: u.role,
              isCoordinator: u.isCoordinator,
              encryptionPublicKey: toBase64(u.listedEncryptionKey),
              signingPublicKey: u.listedSigningKey ? toBase64(u.listedSigningKey) : null,
            })),
            certificates: certificates.map((c) => ({ ...c })),
          },
        };
      case 'RotateGroupKey': {
        if (!actor.isCoordinator) throw new HubError('FORBIDDEN', 'not a coordinator');
        const commitment = v['commitment'] as { tag: string; signature: string };
        const e: Epoch = {
          number: (current()?.number ?? 0) + 1,
          commitment: { ...commitment, coordinatorUserId: actorId },
          grants: new Map(),
        };
        for (const g of v['grants'] as Array<{ userId: string; sealedKey: string }>)
          e.grants.set(g.userId, { sealedKey: g.sealedKey, senderId: actorId });
        epochs.push(e);
        return { rotateGroupKey: e.number };
      }
      case 'FulfilGroupKeyGrants': {
        const e = current();
        if (!e || e.number !== v['epoch']) throw new HubError('STALE_EPOCH', 'stale');
        if (!e.grants.has(actorId)) throw new HubError('FORBIDDEN', 'not a holder');
        let n = 0;
        for (const g of v['grants'] as Array<{ userId: string; sealedKey: string }>) {
          if (e.grants.has(g.userId)) continue;
          e.grants.set(g.userId, { sealedKey: g.sealedKey, senderId: actorId });
          n++;
        }
        return { fulfilGroupKeyGrants: n };
      }
      case 'RejectGroupKeyGrant': {
        const e = epochs.find((x) => x.number === v['epoch']);
        rejected.push({ userId: actorId, epoch: v['epoch'] as number });
        return { rejectGroupKeyGrant: e?.grants.delete(actorId) ?? false };
      }
      case 'CertifyKey': {
        const input = v['input'] as {
          kind: string;
          workingGroupId?: string;
          subjectUserId: string;
          body: string;
          signature: string;
        };
        const stored: StoredCertificate = {
          id: `cert-${certificates.length + 1}`,
          kind: input.kind,
          workingGroupId: input.workingGroupId ?? null,
          subjectUserId: input.subjectUserId,
          issuerUserId: actorId,
          body: input.body,
          signature: input.signature,
          createdAt: new Date().toISOString(),
        };
        certificates.push(stored);
        const { body: _b, signature: _s, ...rest } = stored;
        return { certifyKey: rest };
      }
      case 'SetSigningKey': {
        if (actor.listedSigningKey) throw new HubError('CONFLICT', 'already has one');
        actor.listedSigningKey = fromBase64(v['signingPublicKey'] as string);
        return { setSigningKey: true };
      }
      default:
        throw new Error(`unexpected request ${name}`);
    }
  }

  return {
    workingGroupId,
    users,
    epochs,
    certificates,
    rejected,
    calls,
    addUser,
    current,
    /** The request function of one signed-in user. */
    as(userId: string): HubRequest {
      return async <T>(query: string, variables?: Record<string, unknown>): Promise<T> =>
        handle(userId, query, variables ?? {}) as T;
    },
  };
}

export type FakeKeyHub = ReturnType<typeof fakeKeyHub>;
