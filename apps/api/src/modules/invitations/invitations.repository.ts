import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { InvitationEntity } from './invitation.entity.js';
import type { InvitationPreviewData } from './invitations.service.js';
import type { Invitation, InvitationLink, InvitationPreview } from './models/invitation.model.js';

export type NewInvitationRow = Pick<
  InvitationEntity,
  | 'tokenHash'
  | 'purpose'
  | 'organisationId'
  | 'role'
  | 'email'
  | 'userId'
  | 'coordinatorOf'
  | 'createdBy'
  | 'expiresAt'
>;

export function toInvitation(e: InvitationEntity): Invitation {
  return {
    id: e.id,
    purpose: e.purpose,
    organisationId: e.organisationId,
    role: e.role,
    email: e.email,
    createdAt: e.createdAt,
    expiresAt: e.expiresAt,
    usedAt: e.usedAt,
    revokedAt: e.revokedAt,
  };
}

export function toInvitationPreview(d: InvitationPreviewData): InvitationPreview {
  return {
    organisationName: d.organisationName,
    role: d.invitation.role,
    email: d.invitation.email,
    purpose: d.invitation.purpose,
    expiresAt: d.invitation.expiresAt,
    coordinatorOfWorkingGroupName: d.coordinatorOfWorkingGroupName,
  };
}

/** The link is shown once, to the inviter; only the token's hash is stored. */
export function toInvitationLink(r: {
  invitation: InvitationEntity;
  token: string;
}): InvitationLink {
  return { invitation: toInvitation(r.invitation), token: r.token, path: `/join/${r.token}` };
}

const LIST_LIMIT = 200;

/** The `invitation` table: single-use sign-up and reset links. */
@Injectable()
export class InvitationsRepository {
  insert(m: EntityManager, invitation: NewInvitationRow): Promise<InvitationEntity> {
    return m.save(m.create(InvitationEntity, invitation));
  }

  findById(
    m: EntityManager,
    id: string,
    options: { lock?: boolean } = {},
  ): Promise<InvitationEntity | null> {
    return m.getRepository(InvitationEntity).findOne({
      where: { id },
      ...(options.lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
  }

  findByTokenHash(
    m: EntityManager,
    tokenHash: Buffer,
    options: { lock?: boolean } = {},
  ): Promise<InvitationEntity | null> {
    return m.getRepository(InvitationEntity).findOne({
      where: { tokenHash },
      ...(options.lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
  }

  /** Newest first, at most 200. */
  listByOrganisation(m: EntityManager, organisationId: string): Promise<InvitationEntity[]> {
    return m
      .getRepository(InvitationEntity)
      .find({ where: { organisationId }, order: { createdAt: 'DESC' }, take: LIST_LIMIT });
  }

  async markRevoked(m: EntityManager, id: string, at: Date): Promise<void> {
    await m.update(InvitationEntity, { id }, { revokedAt: at });
  }

  async markUsed(m: EntityManager, id: string, at: Date): Promise<void> {
    await m.update(InvitationEntity, { id }, { usedAt: at });
  }

  /** The current sign-up attempt and the seed offered to it (replacing any earlier attempt). */
  async setSignUpAttempt(m: EntityManager, id: string, attemptHash: Buffer, sealedSeed: Buffer): Promise<void> {
    await m.update(InvitationEntity, { id }, { signUpAttemptHash: attemptHash, pendingTotpSecret: sealedSeed });
  }
}
