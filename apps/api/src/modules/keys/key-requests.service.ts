import { Injectable } from '@nestjs/common';
import type { Actor } from '@parallax/authz';
import { ErrorCode } from '@parallax/domain';
import { decodeCertificateBody } from '@parallax/identity';
import { DataSource, type EntityManager } from 'typeorm';
import { b64 } from '../../common/graphql/validators.js';
import { withOwnerRights } from '../../common/tenant/owner-rights.js';
import { runAsTenant } from '../../common/tenant/tenant-transaction.js';
import { AuditService } from '../audit/audit.service.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import {
  KeyRequestsRepository,
  type OwnCertificate,
  type Requester,
  type Unblocker,
} from './key-requests.repository.js';
import { KeysException } from './keys.exception.js';
import { KeysRepository } from './keys.repository.js';

/** A waiting user asks the same people at most this often (per group). */
export const KEY_REQUEST_INTERVAL_MS = 3_600_000;

export const KEY_REQUEST_ACTION = 'keys.access_requested';

/**
 * Why the caller has no usable copy of the group's key:
 * - `has_key`: they have one (nothing to unblock);
 * - `no_epoch`: no key yet, a coordinator creates it;
 * - `uncertified`: nobody vouched for their key yet (their org admin, or for an admin a coordinator);
 * - `awaiting_copy`: vouched for, waiting for a holder's app to seal them a copy.
 */
export type KeyWaitReason = 'has_key' | 'no_epoch' | 'uncertified' | 'awaiting_copy';

export interface KeyUnblockersData {
  reason: KeyWaitReason;
  people: Unblocker[];
  askedAt: Date | null;
  canAskAgainAt: Date | null;
}

/**
 * "Who can unblock me": for a user waiting for a working group's key, who
 * has to act, and a way to ask them (an in-app notification, at most once
 * an hour). The hub's view only: the holders' clients still decide, from
 * certificates they verify, whom they seal the key to.
 */
@Injectable()
export class KeyRequestsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    private readonly repository: KeyRequestsRepository,
    private readonly keys: KeysRepository,
  ) {}

  unblockers(actor: Actor, workingGroupId: string): Promise<KeyUnblockersData> {
    return runAsTenant(this.dataSource, actor, async (m) => {
      const { data } = await this.read(m, actor, workingGroupId);
      return data;
    });
  }

  /**
   * Notifies everyone who can unblock the caller, audited in the same
   * transaction. Asking again within the hour, or with nobody to ask,
   * changes nothing and answers as `unblockers` does.
   */
  ask(actor: Actor, workingGroupId: string): Promise<KeyUnblockersData> {
    return runAsTenant(this.dataSource, actor, async (m) => {
      await this.repository.lockRequests(m, workingGroupId, actor.userId);
      const { data, requester } = await this.read(m, actor, workingGroupId);
      if (data.reason === 'has_key' || data.people.length === 0 || data.askedAt) return data;
      const payload = {
        userId: requester.userId,
        userName: requester.displayName,
        organisationName: requester.organisationName,
        reason: data.reason,
        role: requester.role,
      };
      // Addressed to other users (some in other organisations): written with owner rights.
      await withOwnerRights(m, () =>
        this.notifications.notifyMany(
          m,
          data.people.map((p) => ({
            recipientUserId: p.userId,
            workingGroupId,
            kind: KEY_REQUEST_ACTION,
            payload,
          })),
        ),
      );
      await this.audit.record(m, {
        actorUserId: actor.userId,
        organisationId: actor.organisationId,
        workingGroupId,
        action: KEY_REQUEST_ACTION,
        subjectType: 'working_group',
        subjectId: workingGroupId,
        change: { reason: data.reason, notified: data.people.map((p) => p.userId).sort() },
      });
      // The audit entry is the record of the request: answer with its time.
      const askedAt =
        (await this.repository.lastRequestSince(
          m,
          workingGroupId,
          actor.userId,
          KEY_REQUEST_ACTION,
          new Date(Date.now() - KEY_REQUEST_INTERVAL_MS),
        )) ?? new Date();
      return {
        ...data,
        askedAt,
        canAskAgainAt: new Date(askedAt.getTime() + KEY_REQUEST_INTERVAL_MS),
      };
    });
  }

  private async read(
    m: EntityManager,
    actor: Actor,
    workingGroupId: string,
  ): Promise<{ data: KeyUnblockersData; requester: Requester }> {
    const requester = await this.repository.requester(m, workingGroupId, actor.userId);
    // Not a possible holder (another organisation, a viewer, no such group): nothing to learn here.
    if (!requester) throw new KeysException(ErrorCode.NotFound, 'No such working group');
    const { reason, people } = await this.whoUnblocks(m, actor, workingGroupId, requester);
    const since = new Date(Date.now() - KEY_REQUEST_INTERVAL_MS);
    const askedAt = await this.repository.lastRequestSince(
      m,
      workingGroupId,
      actor.userId,
      KEY_REQUEST_ACTION,
      since,
    );
    return {
      requester,
      data: {
        reason,
        people,
        askedAt,
        canAskAgainAt: askedAt ? new Date(askedAt.getTime() + KEY_REQUEST_INTERVAL_MS) : null,
      },
    };
  }

  private async whoUnblocks(
    m: EntityManager,
    actor: Actor,
    workingGroupId: string,
    requester: Requester,
  ): Promise<{ reason: KeyWaitReason; people: Unblocker[] }> {
    const epoch = await this.keys.currentEpoch(m, workingGroupId);
    if (epoch === null) {
      return { reason: 'no_epoch', people: await this.repository.coordinators(m, workingGroupId) };
    }
    if (await this.keys.hasGrant(m, workingGroupId, epoch, actor.userId)) {
      return { reason: 'has_key', people: [] };
    }
    const isCoordinator = actor.coordinatorOf.includes(workingGroupId);
    const certificates = await this.repository.ownCertificates(m, workingGroupId, actor.userId);
    // Coordinators are trusted by pinning, not by certificate.
    if (!isCoordinator && !certificates.some((c) => aboutCurrentKeys(c, requester))) {
      if (requester.role === 'org_admin' || !requester.organisationId) {
        const others = await this.repository.coordinators(m, workingGroupId);
        return { reason: 'uncertified', people: others.filter((p) => p.userId !== actor.userId) };
      }
      return {
        reason: 'uncertified',
        people: await this.repository.organisationAdmins(
          m,
          workingGroupId,
          requester.organisationId,
          actor.userId,
        ),
      };
    }
    return {
      reason: 'awaiting_copy',
      people: await this.repository.keyHolders(m, workingGroupId, epoch, requester),
    };
  }
}

/** A certificate counts only while it names the subject's current keys (a key reset voids it). */
function aboutCurrentKeys(certificate: OwnCertificate, requester: Requester): boolean {
  try {
    const body = decodeCertificateBody(certificate.body);
    return (
      body.subjectUserId === requester.userId &&
      body.encryptionPublicKey === b64(requester.encryptionPublicKey) &&
      requester.signingPublicKey !== null &&
      body.signingPublicKey === b64(requester.signingPublicKey)
    );
  } catch {
    return false;
  }
}
