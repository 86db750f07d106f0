import { Inject, Injectable } from '@nestjs/common';
import type { Actor } from '@parallax/authz';
import { ErrorCode } from '@parallax/domain';
import { generateOprfKey } from '@parallax/fingerprint';
import { DataSource, type EntityManager } from 'typeorm';
import { RUNTIME, type Runtime } from '../../common/runtime.js';
import { runAsTenant } from '../../common/tenant/tenant-transaction.js';
import { AuditService } from '../audit/audit.service.js';
import { WorkingGroupsService } from '../working-groups/working-groups.service.js';
import { KeysException } from './keys.exception.js';
import { KeysRepository, type KeyStatusData } from './keys.repository.js';

export interface SealedGrant {
  userId: string;
  sealedKey: Uint8Array;
}

/** `pendingRecipients`: eligible users without a copy of the current epoch's key (shown to holders only). */
export type GroupKeyStatus = KeyStatusData;

const oprfPurpose = (wg: string, epoch: number) => `oprf-key/${wg}/${epoch}`;

/**
 * Key epochs of a working group: the hub's OPRF key (generated here, sealed
 * under the master key) and the members' sealed copies of K_group (made and
 * sealed in browsers; the hub never sees K_group).
 */
@Injectable()
export class KeysService {
  private readonly oprfKeys = new Map<string, Uint8Array>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly repository: KeysRepository,
    private readonly workingGroups: WorkingGroupsService,
    @Inject(RUNTIME) private readonly runtime: Runtime,
  ) {}

  /** The group's current key epoch, in the caller's transaction; null before the first one. */
  currentEpoch(m: EntityManager, workingGroupId: string): Promise<number | null> {
    return this.repository.currentEpoch(m, workingGroupId);
  }

  async status(actor: Actor, workingGroupId: string): Promise<GroupKeyStatus> {
    const isCoordinator = actor.coordinatorOf.includes(workingGroupId);
    return runAsTenant(this.dataSource, actor, async (m) => {
      const holders = await this.repository.eligibleHolders(m, workingGroupId);
      if (!holders.some((h) => h.id === actor.userId)) {
        throw new KeysException(ErrorCode.NotFound, 'No such working group');
      }
      const epoch = await this.currentEpoch(m, workingGroupId);
      if (epoch === null)
        return {
          epoch,
          mySealedKey: null,
          pendingRecipients: isCoordinator ? holders : [],
          isCoordinator,
        };
      const grants = await this.repository.grants(m, workingGroupId, epoch);
      const mine = grants.find((g) => g.userId === actor.userId)?.sealedKey ?? null;
      const granted = new Set(grants.map((g) => g.userId));
      return {
        epoch,
        mySealedKey: mine,
        pendingRecipients: mine ? holders.filter((h) => !granted.has(h.id)) : [],
        isCoordinator,
      };
    });
  }

  /**
   * Starts a new key epoch (the first one, or a rotation): a fresh hub OPRF
   * key, and the coordinator's browser-made K_group sealed to every eligible
   * holder it chose (itself included). Cases keep their old fingerprints
   * until their clients re-fingerprint them for the new epoch.
   */
  async rotate(actor: Actor, workingGroupId: string, grants: SealedGrant[]): Promise<number> {
    if (!actor.coordinatorOf.includes(workingGroupId)) {
      throw new KeysException(
        ErrorCode.Forbidden,
        'Only a coordinator of the group starts a key epoch',
      );
    }
    if (!grants.some((g) => g.userId === actor.userId)) {
      throw new KeysException(ErrorCode.BadUserInput, 'Include a sealed copy for yourself');
    }
    return runAsTenant(this.dataSource, actor, async (m) => {
      // Serialises rotations of one group, so two coordinators cannot both start epoch n+1.
      await this.workingGroups.lockById(m, workingGroupId);
      const holders = new Set(
        (await this.repository.eligibleHolders(m, workingGroupId)).map((h) => h.id),
      );
      const strangers = grants.filter((g) => !holders.has(g.userId));
      if (strangers.length)
        throw new KeysException(
          ErrorCode.BadUserInput,
          'A grant names a user who may not hold the key',
        );
      const previous = await this.currentEpoch(m, workingGroupId);
      const epoch = (previous ?? 0) + 1;
      if (previous !== null) await this.repository.retireEpoch(m, workingGroupId, previous);
      const sealedOprfKey = this.runtime.secretBox.seal(
        generateOprfKey(),
        oprfPurpose(workingGroupId, epoch),
      );
      await this.repository.insertEpoch(m, workingGroupId, epoch, sealedOprfKey, actor.userId);
      await this.insertGrants(m, actor, workingGroupId, epoch, grants);
      await this.audit.record(m, {
        actorUserId: actor.userId,
        organisationId: actor.organisationId,
        workingGroupId,
        action: previous === null ? 'keys.create_epoch' : 'keys.rotate_epoch',
        subjectType: 'working_group',
        subjectId: workingGroupId,
        change: { epoch, previous, grants: grants.map((g) => g.userId).sort() },
      });
      return epoch;
    });
  }

  /** Any current holder seals K_group for eligible users still waiting for it. */
  async fulfil(
    actor: Actor,
    workingGroupId: string,
    epoch: number,
    grants: SealedGrant[],
  ): Promise<number> {
    return runAsTenant(this.dataSource, actor, async (m) => {
      const current = await this.currentEpoch(m, workingGroupId);
      if (current !== epoch)
        throw new KeysException(ErrorCode.StaleEpoch, 'That key epoch is no longer current');
      if (!(await this.repository.hasGrant(m, workingGroupId, epoch, actor.userId)))
        throw new KeysException(ErrorCode.Forbidden, 'Only a holder of the key can share it');
      const holders = new Set(
        (await this.repository.eligibleHolders(m, workingGroupId)).map((h) => h.id),
      );
      if (!holders.has(actor.userId))
        throw new KeysException(ErrorCode.Forbidden, 'You may no longer hold this key');
      const wanted = grants.filter((g) => holders.has(g.userId));
      if (wanted.length !== grants.length) {
        throw new KeysException(
          ErrorCode.BadUserInput,
          'A grant names a user who may not hold the key',
        );
      }
      const added = await this.insertGrants(m, actor, workingGroupId, epoch, wanted);
      if (added.length) {
        await this.audit.record(m, {
          actorUserId: actor.userId,
          organisationId: actor.organisationId,
          workingGroupId,
          action: 'keys.grant',
          subjectType: 'working_group',
          subjectId: workingGroupId,
          change: { epoch, users: added.sort() },
        });
      }
      return added.length;
    });
  }

  /** The hub's OPRF secret for a group epoch, decrypted once and kept in memory. */
  async oprfKey(
    m: EntityManager,
    workingGroupId: string,
    epoch: number,
  ): Promise<Uint8Array | null> {
    const cacheKey = `${workingGroupId}/${epoch}`;
    const cached = this.oprfKeys.get(cacheKey);
    if (cached) return cached;
    const sealed = await this.repository.sealedOprfKey(m, workingGroupId, epoch);
    if (!sealed) return null;
    const key = new Uint8Array(
      this.runtime.secretBox.open(sealed, oprfPurpose(workingGroupId, epoch)),
    );
    this.oprfKeys.set(cacheKey, key);
    return key;
  }

  private async insertGrants(
    m: EntityManager,
    actor: Actor,
    wg: string,
    epoch: number,
    grants: SealedGrant[],
  ): Promise<string[]> {
    const added: string[] = [];
    for (const g of grants) {
      const grant = { userId: g.userId, sealedKey: Buffer.from(g.sealedKey) };
      if (await this.repository.insertGrant(m, wg, epoch, grant, actor.userId))
        added.push(g.userId);
    }
    return added;
  }
}
