import type { KdfParams } from '@parallax/identity';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export type UserRole = 'org_admin' | 'investigator' | 'viewer';

/** Persistence shape only; GraphQL types live in models/ and never expose this. */
@Entity({ name: 'app_user' })
export class UserEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  email: string;

  @Column({ name: 'display_name', type: 'text' })
  displayName: string;

  @Column({ name: 'organisation_id', type: 'uuid', nullable: true })
  organisationId: string | null;

  @Column({ type: 'enum', enum: ['org_admin', 'investigator', 'viewer'], enumName: 'user_role', nullable: true })
  role: UserRole | null;

  @Column({ name: 'is_platform_admin', type: 'boolean', default: false })
  isPlatformAdmin: boolean;

  @Column({ name: 'kdf_salt', type: 'bytea' })
  kdfSalt: Buffer;

  @Column({ name: 'kdf_params', type: 'jsonb' })
  kdfParams: KdfParams;

  @Column({ name: 'login_verifier', type: 'text' })
  loginVerifier: string;

  @Column({ name: 'public_key', type: 'bytea' })
  publicKey: Buffer;

  @Column({ name: 'encrypted_private_key', type: 'bytea' })
  encryptedPrivateKey: Buffer;

  /** Ed25519; null for an account made before signing keys (set at next unlock). */
  @Column({ name: 'signing_public_key', type: 'bytea', nullable: true })
  signingPublicKey: Buffer | null;

  /** The signing private key sealed under the password-derived key, like the X25519 one. */
  @Column({ name: 'encrypted_signing_key', type: 'bytea', nullable: true })
  encryptedSigningKey: Buffer | null;

  /** Sealed under the master key (purpose `totp-secret`). */
  @Column({ name: 'totp_secret', type: 'bytea' })
  totpSecret: Buffer;

  @Column({ name: 'totp_last_step', type: 'bigint', nullable: true })
  totpLastStep: string | null;

  @Column({ name: 'totp_failures', type: 'integer', default: 0 })
  totpFailures: number;

  @Column({ name: 'locked_until', type: 'timestamptz', nullable: true })
  lockedUntil: Date | null;

  @Column({ name: 'disabled_at', type: 'timestamptz', nullable: true })
  disabledAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
