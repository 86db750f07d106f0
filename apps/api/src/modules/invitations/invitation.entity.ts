import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { UserRole } from '../users/user.entity.js';

export type InvitationPurpose = 'sign_up' | 'reset';

@Entity({ name: 'invitation' })
export class InvitationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** SHA-256 of the link's token; the token itself is shown once to the inviter. */
  @Column({ name: 'token_hash', type: 'bytea' })
  tokenHash: Buffer;

  @Column({ type: 'enum', enum: ['sign_up', 'reset'], enumName: 'invitation_purpose' })
  purpose: InvitationPurpose;

  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId: string;

  @Column({ type: 'enum', enum: ['org_admin', 'investigator', 'viewer'], enumName: 'user_role' })
  role: UserRole;

  @Column({ type: 'text', nullable: true })
  email: string | null;

  /** For a reset: the account whose password and keys are replaced. */
  @Column({ name: 'user_id', type: 'uuid', nullable: true })
  userId: string | null;

  /** The new user also becomes a coordinator of this working group. */
  @Column({ name: 'coordinator_of', type: 'uuid', nullable: true })
  coordinatorOf: string | null;

  /** Sealed TOTP seed offered to the current sign-up attempt (bound to it). */
  @Column({ name: 'pending_totp_secret', type: 'bytea', nullable: true })
  pendingTotpSecret: Buffer | null;

  /** SHA-256 of the one-time value held by the browser of the current sign-up attempt. */
  @Column({ name: 'sign_up_attempt_hash', type: 'bytea', nullable: true })
  signUpAttemptHash: Buffer | null;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;

  @Column({ name: 'used_at', type: 'timestamptz', nullable: true })
  usedAt: Date | null;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt: Date | null;
}
