import { Inject, Injectable } from '@nestjs/common';
import type { Actor } from '@parallax/authz';
import { ErrorCode } from '@parallax/domain';
import { FINGERPRINT_SCHEMA_VERSION, generateOprfKey } from '@parallax/fingerprint';
import { DataSource, type EntityManager } from 'typeorm';
import { RUNTIME, type Runtime } from '../../common/runtime.js';
import { runAsTenant } from '../../common/tenant/tenant-transaction.js';
import { AuditService } from '../audit/audit.service.js';
import { WorkingGroupsService } from '../working-groups/working-groups.service.js';
import { epochCommitmentSignedBy } from './certificate-rules.js';
import { KeysException } from './keys.exception.js';
import type { KeyStatusData } from './key-status.mappers.js';
import type { StoredGrant } from './key-rows.js';
import { KeysRepository } from './keys.repository.js';

export interface SealedGrant {
  userId: string;
  sealedKey: Uint8Array;
}

/** The coordinator's commitment to a new epoch's K_group (see libs/identity epoch-commitment). */
export interface EpochCommitmentData {
  tag: Uint8Array;
  signature: Uint8Array;
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

  /** The group's current epoch and its fingerprint schema version, in the caller's transaction; null before the first one. */
  currentEpochSchema(
    m: EntityManager,
    workingGroupId: string,
  ): Promise<{ epoch: number; schemaVersion: string } | null> {
    return this.repository.currentEpochSchema(m, workingGroupId);
  }

  async status(actor: Actor, workingGroupId: string): Promise<GroupKeyStatus> {
    const isCoordinator = actor.coordinatorOf.includes(workingGroupId);
    return runAsTenant(this.dataSource, actor, async (m) => {
      const holders = await this.repository.eligibleHolders(m, workingGroupId);
      if (!holders.some((h) => h.id === actor.userId)) {
        throw new KeysException(ErrorCode.NotFound, 'No such working group');
      }
      const current = await this.currentEpochSchema(m, workingGroupId);
      if (current === null)
        return {
          epoch: null,
          schemaVersion: null,
          mySealedKey: null,
          pendingRecipients: isCoordinator ? holders : [],
          isCoordinator,
          epochCommitment: null,
          mySealedKeySenderId: null,
        };
      const { epoch, schemaVersion } = current;
      const grants = await this.repository.grants(m, workingGroupId, epoch);
      const mine = grants.find((g) => g.userId === actor.userId) ?? null;
      if (mine && !mine.firstReadAt)
        await this.auditFirstRead(m, actor, workingGroupId, epoch, mine);
      const granted = new Set(grants.map((g) => g.userId));
      return {
        epoch,
        schemaVersion,
        mySealedKey: mine?.sealedKey ?? null,
        pendingRecipients: mine ? holders.filter((h) => !granted.has(h.id)) : [],
        isCoordinator,
        epochCommitment: await this.repository.commitment(m, workingGroupId, epoch),
        mySealedKeySenderId: mine?.grantedBy ?? null,
      };
    });
  }

  /**
   * Starts a new key epoch (the first one, or a rotation): a fresh hub OPRF
   * key, and the coordinator's browser-made K_group sealed to every eligible
   * holder it chose (itself included). Cases keep their old fingerprints
   * until their clients re-fingerprint them for the new epoch. The new epoch
   * uses this hub's fingerprint schema version: a rotation is how a group
   * moves to a new schema (never two schemas in one epoch).
   */
  async rotate(
    actor: Actor,
    workingGroupId: string,
    grants: SealedGrant[],
    commitment: EpochCommitmentData,
  ): Promise<number> {
    if (!actor.coordinatorOf.includes(workingGroupId)) {
      throw new KeysException(
        ErrorCode.Forbidden,
        'Only a coordinator of the group starts a key epoch',
      );
    }
    if (!grants.some((g) => g.userId === actor.userId)) {
      throw new KeysException(ErrorCode.BadUserInput, 'Include a sealed copy for yourself');
    }
    // Clients verify the commitment; the hub only refuses what cannot be one.
    if (commitment.tag.length !== 32 || commitment.signature.length !== 64) {
      throw new KeysException(
        ErrorCode.BadUserInput,
        'The epoch commitment is a 32-byte tag and a 64-byte signature',
      );
    }
    return runAsTenant(this.dataSource, actor, async (m) => {
      // Serialises rotations of one group, so two coordinators cannot both start epoch n+1.
      await this.workingGroups.lockById(m, workingGroupId);
      const eligible = await this.repository.eligibleHolders(m, workingGroupId);
      const holders = new Set(eligible.map((h) => h.id));
      const strangers = grants.filter((g) => !holders.has(g.userId));
      if (strangers.length)
        throw new KeysException(
          ErrorCode.BadUserInput,
          'A grant names a user who may not hold the key',
        );
      const previous = await this.currentEpoch(m, workingGroupId);
      const epoch = (previous ?? 0) + 1;
      const signingKey = eligible.find((h) => h.id === actor.userId)?.signingPublicKey;
      if (!signingKey) {
        throw new KeysException(
          ErrorCode.SigningKeyMissing,
          'A coordinator needs a signing key to start a key epoch',
        );
      }
      // Junk kept out early: clients check the commitment against K_group themselves.
      if (!epochCommitmentSignedBy({ workingGroupId, epoch, ...commitment }, signingKey)) {
        throw new KeysException(
          ErrorCode.BadUserInput,
          'The epoch commitment is not signed with your signing key for this epoch',
        );
      }
      if (previous !== null) await this.repository.retireEpoch(m, workingGroupId, previous);
      const sealedOprfKey = this.runtime.secretBox.seal(
        generateOprfKey(),
        oprfPurpose(workingGroupId, epoch),
      );
      await this.repository.insertEpoch(
        m,
        workingGroupId,
        epoch,
        sealedOprfKey,
        actor.userId,
        { tag: Buffer.from(commitment.tag), signature: Buffer.from(commitment.signature) },
        FINGERPRINT_SCHEMA_VERSION,
      );
      await this.insertGrants(m, actor, workingGroupId, epoch, grants);
      await this.audit.record(m, {
        actorUserId: actor.userId,
        organisationId: actor.organisationId,
        workingGroupId,
        action: previous === null ? 'keys.create_epoch' : 'keys.rotate_epoch',
        subjectType: 'working_group',
        subjectId: workingGroupId,
        change: {
          epoch,
          previous,
          schemaVersion: FINGERPRINT_SCHEMA_VERSION,
          grants: grants.map((g) => g.userId).sort(),
        },
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
      // Who may hold the key first: an outsider learns nothing, not even whether the epoch is current.
      const holders = new Set(
        (await this.repository.eligibleHolders(m, workingGroupId)).map((h) => h.id),
      );
      if (!holders.has(actor.userId))
        throw new KeysException(ErrorCode.NotFound, 'No such working group');
      const current = await this.currentEpoch(m, workingGroupId);
      if (current !== epoch)
        throw new KeysException(ErrorCode.StaleEpoch, 'That key epoch is no longer current');
      if (!(await this.repository.hasGrant(m, workingGroupId, epoch, actor.userId)))
        throw new KeysException(ErrorCode.Forbidden, 'Only a holder of the key can share it');
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

  /**
   * A sealed copy of K_group is the most sensitive thing the hub hands out:
   * its first fetch per epoch is audited (not every poll, which would drown
   * the log), and marked so later polls are not.
   */
  private async auditFirstRead(
    m: EntityManager,
    actor: Actor,
    workingGroupId: string,
    epoch: number,
    grant: StoredGrant,
  ): Promise<void> {
    if (!(await this.repository.markGrantRead(m, workingGroupId, epoch, actor.userId))) return;
    await this.audit.record(m, {
      actorUserId: actor.userId,
      organisationId: actor.organisationId,
      workingGroupId,
      action: 'keys.sealed_key_read',
      subjectType: 'working_group',
      subjectId: workingGroupId,
      change: { epoch, sealedBy: grant.grantedBy },
    });
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
