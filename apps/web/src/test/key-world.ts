import type { HubRequest } from '@parallax/hub-client';
import { FINGERPRINT_SCHEMA_VERSION, generateGroupKey } from '@parallax/fingerprint';
import {
  certificateBodyFor,
  generateSigningKeyPair,
  generateUserKeyPair,
  makeEpochCommitment,
  sealGroupKey,
  sealPrivateKey,
  sealSigningKey,
  signCertificate,
  type CertificateKind,
  type KeyBundle,
} from '@parallax/identity';
import { base64ToBytes, bytesToBase64 } from '../crypto/base64';
import { ORG_ADMIN_VIEWER, type FakeViewer, type Handler } from './fake-server';

/** The encryption key fakeKeyDerivation derives from any password (see render-app.tsx). */
export const FAKE_ENCRYPTION_KEY = new Uint8Array(32).fill(2);

/** A person of the key world, with real keys the test holds. */
export interface WorldUser {
  id: string;
  displayName: string;
  organisationId: string;
  role: 'org_admin' | 'investigator' | null;
  isCoordinator: boolean;
  privateKey: Uint8Array;
  publicKey: Uint8Array;
  signingPrivateKey: Uint8Array;
  signingPublicKey: Uint8Array;
  /** What the hub lists (a malicious hub may list other keys). */
  listed: { encryptionPublicKey: Uint8Array; signingPublicKey: Uint8Array | null };
}

interface Grant {
  sealedKey: string;
  senderId: string;
}

interface Epoch {
  epoch: number;
  /** The fingerprint rules of the epoch (a new one takes the hub's: this app's). */
  schemaVersion: string;
  commitment: { tag: string; signature: string; coordinatorUserId: string };
  grants: Map<string, Grant>;
}

interface Certificate {
  id: string;
  kind: CertificateKind;
  workingGroupId: string | null;
  subjectUserId: string;
  issuerUserId: string;
  body: string;
  signature: string;
  createdAt: string;
}

type Variables = Record<string, unknown>;

/**
 * A stand-in hub for one working group's keys, honest by default (it stores
 * and relays what clients send, as apps/api does), with the handles a test
 * needs to play a malicious one: plant an account, list other keys, plant a
 * grant. Answers the fake server (by operation name) and hub-client calls.
 */
export function keyWorld(workingGroupId = 'group-1') {
  const users = new Map<string, WorldUser>();
  const epochs: Epoch[] = [];
  const certificates: Certificate[] = [];
  const calls: Array<{ viewerId: string; operationName: string; variables: Variables }> = [];

  const current = () => epochs.at(-1) ?? null;
  const must = (id: string) => {
    const user = users.get(id);
    if (!user) throw new Error(`no user ${id}`);
    return user;
  };

  function addUser(u: {
    id: string;
    displayName?: string;
    organisationId: string;
    role?: WorldUser['role'];
    isCoordinator?: boolean;
    withSigningKey?: boolean;
    /** Keys the test made already (a keyed viewer); fresh ones otherwise. */
    keys?: {
      privateKey: Uint8Array;
      publicKey: Uint8Array;
      signingPrivateKey: Uint8Array;
      signingPublicKey: Uint8Array;
    };
  }): WorldUser {
    const enc = u.keys
      ? { privateKey: u.keys.privateKey, publicKey: u.keys.publicKey }
      : generateUserKeyPair();
    const sig = u.keys
      ? { privateKey: u.keys.signingPrivateKey, publicKey: u.keys.signingPublicKey }
      : generateSigningKeyPair();
    const user: WorldUser = {
      id: u.id,
      displayName: u.displayName ?? u.id,
      organisationId: u.organisationId,
      role: u.role ?? null,
      isCoordinator: u.isCoordinator ?? false,
      privateKey: enc.privateKey,
      publicKey: enc.publicKey,
      signingPrivateKey: sig.privateKey,
      signingPublicKey: sig.publicKey,
      listed: {
        encryptionPublicKey: enc.publicKey,
        signingPublicKey: u.withSigningKey === false ? null : sig.publicKey,
      },
    };
    users.set(u.id, user);
    return user;
  }

  const bundle = (u: WorldUser): KeyBundle => ({
    userId: u.id,
    organisationId: u.organisationId,
    encryptionPublicKey: u.listed.encryptionPublicKey,
    signingPublicKey: u.listed.signingPublicKey ?? new Uint8Array(32),
  });

  /** The signed-in viewer as `me` answers for this user: keys sealed under the fake derivation. */
  function viewerOf(u: WorldUser): FakeViewer {
    return {
      ...ORG_ADMIN_VIEWER,
      user: {
        ...ORG_ADMIN_VIEWER.user,
        id: u.id,
        displayName: u.displayName,
        role: u.role,
        organisationId: u.organisationId,
      },
      organisation: { ...ORG_ADMIN_VIEWER.organisation, id: u.organisationId },
      actor: {
        ...ORG_ADMIN_VIEWER.actor,
        userId: u.id,
        organisationId: u.organisationId,
        organisationKind: u.isCoordinator ? 'secretariat' : 'cso',
        role: u.role,
        coordinatorOf: u.isCoordinator ? [workingGroupId] : [],
        memberOf: u.isCoordinator ? [] : [workingGroupId],
      },
      publicKey: bytesToBase64(u.publicKey),
      encryptedPrivateKey: bytesToBase64(sealPrivateKey(u.privateKey, FAKE_ENCRYPTION_KEY)),
      signingPublicKey: bytesToBase64(u.signingPublicKey),
      encryptedSigningKey: bytesToBase64(sealSigningKey(u.signingPrivateKey, FAKE_ENCRYPTION_KEY)),
    } as FakeViewer;
  }

  /** A certificate `issuer` signs over `subject`'s listed keys (what a safety-number check leads to). */
  function certify(kind: CertificateKind, subject: WorldUser, issuer: WorldUser): void {
    const body = certificateBodyFor(
      kind,
      bundle(subject),
      issuer.id,
      kind === 'member' ? null : workingGroupId,
    );
    const signed = signCertificate(body, issuer.signingPrivateKey);
    certificates.push({
      id: `cert-${certificates.length + 1}`,
      kind,
      workingGroupId: body.workingGroupId,
      subjectUserId: subject.id,
      issuerUserId: issuer.id,
      body: bytesToBase64(signed.body),
      signature: bytesToBase64(signed.signature),
      createdAt: new Date().toISOString(),
    });
  }

  async function seal(groupKey: Uint8Array, epoch: number, to: WorldUser, from: WorldUser) {
    return bytesToBase64(
      await sealGroupKey(
        groupKey,
        to.listed.encryptionPublicKey,
        { workingGroupId, epoch, recipientUserId: to.id, senderUserId: from.id },
        from.privateKey,
      ),
    );
  }

  /**
   * A coordinator's device starts an epoch (as the web would), sealed to
   * `recipients`; `schemaVersion` plays an epoch made under older rules.
   */
  async function startEpoch(
    coordinator: WorldUser,
    recipients: WorldUser[],
    groupKey: Uint8Array = generateGroupKey(),
    schemaVersion: string = FINGERPRINT_SCHEMA_VERSION,
  ): Promise<Uint8Array> {
    const epoch = epochs.length + 1;
    const commitment = makeEpochCommitment(
      groupKey,
      {
        workingGroupId,
        epoch,
        coordinatorUserId: coordinator.id,
        coordinatorSigningPublicKey: coordinator.signingPublicKey,
      },
      coordinator.signingPrivateKey,
    );
    const grants = new Map<string, Grant>();
    for (const r of [coordinator, ...recipients]) {
      grants.set(r.id, {
        sealedKey: await seal(groupKey, epoch, r, coordinator),
        senderId: coordinator.id,
      });
    }
    epochs.push({
      epoch,
      schemaVersion,
      commitment: {
        tag: bytesToBase64(commitment.tag),
        signature: bytesToBase64(commitment.signature),
        coordinatorUserId: coordinator.id,
      },
      grants,
    });
    return groupKey;
  }

  /** A grant of `groupKey` (right or wrong) sealed by `sender` for `recipient` in the current epoch. */
  async function plantGrant(recipient: WorldUser, sender: WorldUser, groupKey: Uint8Array) {
    const epoch = current();
    if (!epoch) throw new Error('no epoch');
    epoch.grants.set(recipient.id, {
      sealedKey: await seal(groupKey, epoch.epoch, recipient, sender),
      senderId: sender.id,
    });
  }

  const holders = () =>
    [...users.values()].filter(
      (u) => u.isCoordinator || u.role === 'org_admin' || u.role === 'investigator',
    );

  function answer(viewerId: string, operationName: string, variables: Variables): unknown {
    calls.push({ viewerId, operationName, variables });
    const epoch = current();
    switch (operationName) {
      case 'GroupKeyStatus': {
        const mine = epoch?.grants.get(viewerId) ?? null;
        return {
          groupKeyStatus: {
            __typename: 'GroupKeyStatus',
            workingGroupId,
            epoch: epoch?.epoch ?? null,
            schemaVersion: epoch?.schemaVersion ?? null,
            mySealedKey: mine?.sealedKey ?? null,
            mySealedKeySenderId: mine?.senderId ?? null,
            isCoordinator: must(viewerId).isCoordinator,
            epochCommitment: epoch ? { __typename: 'EpochCommitment', ...epoch.commitment } : null,
            pendingRecipients: holders()
              .filter((u) => !epoch?.grants.has(u.id))
              .map((u) => ({
                __typename: 'KeyRecipient',
                userId: u.id,
                displayName: u.displayName,
                publicKey: bytesToBase64(u.listed.encryptionPublicKey),
                signingPublicKey: u.listed.signingPublicKey
                  ? bytesToBase64(u.listed.signingPublicKey)
                  : null,
                organisationId: u.organisationId,
              })),
          },
        };
      }
      case 'KeyDirectory':
        return {
          keyDirectory: {
            __typename: 'KeyDirectory',
            holders: holders().map((u) => ({
              __typename: 'KeyHolder',
              userId: u.id,
              displayName: u.displayName,
              organisationId: u.organisationId,
              organisationName: `Organisation ${u.organisationId}`,
              role: u.role,
              isCoordinator: u.isCoordinator,
              encryptionPublicKey: bytesToBase64(u.listed.encryptionPublicKey),
              signingPublicKey: u.listed.signingPublicKey
                ? bytesToBase64(u.listed.signingPublicKey)
                : null,
            })),
            certificates: certificates.map((c) => ({ __typename: 'KeyCertificate', ...c })),
          },
        };
      case 'RotateGroupKey': {
        const grants = variables['grants'] as Array<{ userId: string; sealedKey: string }>;
        const commitment = variables['commitment'] as { tag: string; signature: string };
        epochs.push({
          epoch: epochs.length + 1,
          schemaVersion: FINGERPRINT_SCHEMA_VERSION,
          commitment: { ...commitment, coordinatorUserId: viewerId },
          grants: new Map(
            grants.map((g) => [g.userId, { sealedKey: g.sealedKey, senderId: viewerId }]),
          ),
        });
        return { rotateGroupKey: epochs.length };
      }
      case 'FulfilGroupKeyGrants': {
        const grants = variables['grants'] as Array<{ userId: string; sealedKey: string }>;
        for (const g of grants)
          epoch?.grants.set(g.userId, { sealedKey: g.sealedKey, senderId: viewerId });
        return { fulfilGroupKeyGrants: grants.length };
      }
      case 'RejectGroupKeyGrant':
        epoch?.grants.delete(viewerId);
        return { rejectGroupKeyGrant: true };
      case 'CertifyKey': {
        const input = variables['input'] as Omit<Certificate, 'id' | 'createdAt' | 'issuerUserId'>;
        const stored: Certificate = {
          ...input,
          workingGroupId: input.workingGroupId ?? null,
          id: `cert-${certificates.length + 1}`,
          issuerUserId: viewerId,
          createdAt: new Date().toISOString(),
        };
        certificates.push(stored);
        return { certifyKey: { __typename: 'KeyCertificate', ...stored } };
      }
      default:
        return undefined;
    }
  }

  const OPERATIONS = [
    'GroupKeyStatus',
    'KeyDirectory',
    'RotateGroupKey',
    'FulfilGroupKeyGrants',
    'RejectGroupKeyGrant',
    'CertifyKey',
  ];

  /** Fake-server handlers answering as the hub does to `viewerId`. */
  function handlers(viewerId: string): Record<string, Handler> {
    return Object.fromEntries(
      OPERATIONS.map((name) => [
        name,
        (variables: Variables) => ({ data: answer(viewerId, name, variables) }),
      ]),
    );
  }

  /** hub-client's HubRequest as `viewerId`, without a browser. */
  function request(viewerId: string): HubRequest {
    return <T>(query: string, variables: Variables = {}): Promise<T> => {
      const name = /^\s*(?:query|mutation)\s+(\w+)/u.exec(query)?.[1] ?? '';
      return Promise.resolve(answer(viewerId, name, variables) as T);
    };
  }

  /** The base64 key this user's sealed grant opens to, as a check. */
  const grantOf = (userId: string) => current()?.grants.get(userId) ?? null;

  return {
    workingGroupId,
    users,
    epochs,
    certificates,
    calls,
    addUser,
    viewerOf,
    certify,
    startEpoch,
    plantGrant,
    handlers,
    request,
    grantOf,
    bundle,
    callsOf: (operationName: string) => calls.filter((c) => c.operationName === operationName),
    decode: base64ToBytes,
  };
}

export type KeyWorld = ReturnType<typeof keyWorld>;
