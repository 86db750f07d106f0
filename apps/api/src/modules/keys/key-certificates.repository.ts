import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { b64 } from '../../common/graphql/validators.js';
import type { CertificateKind } from './certificate-rules.js';
import { ELIGIBLE_HOLDER } from './keys.repository.js';
import type { KeyCertificate, KeyHolder } from './models/key-directory.model.js';

/** A user the directory lists for a group, with the keys the hub holds for them. */
export interface DirectoryEntry {
  userId: string;
  displayName: string;
  organisationId: string | null;
  organisationName: string | null;
  role: string | null;
  isCoordinator: boolean;
  encryptionPublicKey: Buffer;
  signingPublicKey: Buffer | null;
}

export interface CertificateRow {
  id: string;
  kind: CertificateKind;
  workingGroupId: string | null;
  subjectUserId: string;
  issuerUserId: string;
  body: Buffer;
  signature: Buffer;
  createdAt: Date;
}

export interface NewCertificate {
  kind: CertificateKind;
  workingGroupId: string | null;
  subjectUserId: string;
  subjectOrganisationId: string | null;
  issuerUserId: string;
  body: Buffer;
  signature: Buffer;
}

/** The keys and place of one user, for the hub's sanity checks on a certificate. */
export interface KeyOwner {
  userId: string;
  organisationId: string | null;
  role: string | null;
  disabled: boolean;
  encryptionPublicKey: Buffer;
  signingPublicKey: Buffer | null;
}

interface DirectoryRow {
  id: string;
  display_name: string;
  organisation_id: string | null;
  organisation_name: string | null;
  role: string | null;
  is_coordinator: boolean;
  public_key: Buffer;
  signing_public_key: Buffer | null;
}

interface CertRow {
  id: string;
  kind: CertificateKind;
  working_group_id: string | null;
  subject_user_id: string;
  issuer_user_id: string;
  body: Buffer;
  signature: Buffer;
  created_at: Date;
}

const CERT_COLUMNS =
  'id, kind, working_group_id, subject_user_id, issuer_user_id, body, signature, created_at';

const toCertificateRow = (r: CertRow): CertificateRow => ({
  id: r.id,
  kind: r.kind,
  workingGroupId: r.working_group_id,
  subjectUserId: r.subject_user_id,
  issuerUserId: r.issuer_user_id,
  body: r.body,
  signature: r.signature,
  createdAt: r.created_at,
});

export function toKeyHolder(e: DirectoryEntry): KeyHolder {
  return {
    userId: e.userId,
    displayName: e.displayName,
    organisationId: e.organisationId,
    organisationName: e.organisationName,
    role: e.role,
    isCoordinator: e.isCoordinator,
    encryptionPublicKey: b64(e.encryptionPublicKey),
    signingPublicKey: e.signingPublicKey ? b64(e.signingPublicKey) : null,
  };
}

export function toKeyCertificate(c: CertificateRow): KeyCertificate {
  return {
    id: c.id,
    kind: c.kind,
    workingGroupId: c.workingGroupId,
    subjectUserId: c.subjectUserId,
    issuerUserId: c.issuerUserId,
    body: b64(c.body),
    signature: b64(c.signature),
    createdAt: c.createdAt,
  };
}

/** Key certificates (`key_certificate`) and the key directory of a working group. */
@Injectable()
export class KeyCertificatesRepository {
  /**
   * The group's eligible key holders, by the same `ELIGIBLE_HOLDER` rule as
   * `KeysRepository.eligibleHolders` (coordinators, org admins and
   * investigators of active member organisations, not disabled), with what
   * a client needs to check their certificates: organisation, role and both
   * public keys.
   */
  async directory(m: EntityManager, workingGroupId: string): Promise<DirectoryEntry[]> {
    const rows = await m.query<DirectoryRow[]>(
      `SELECT u.id, u.display_name, u.organisation_id, o.name AS organisation_name, u.role::text AS role,
              EXISTS (SELECT 1 FROM working_group_coordinator c
                      WHERE c.working_group_id = $1 AND c.user_id = u.id) AS is_coordinator,
              u.public_key, u.signing_public_key
       FROM user_directory u LEFT JOIN organisation o ON o.id = u.organisation_id
       WHERE ${ELIGIBLE_HOLDER}
       ORDER BY u.id`,
      [workingGroupId],
    );
    return rows.map((r) => ({
      userId: r.id,
      displayName: r.display_name,
      organisationId: r.organisation_id,
      organisationName: r.organisation_name,
      role: r.role,
      isCoordinator: r.is_coordinator,
      encryptionPublicKey: r.public_key,
      signingPublicKey: r.signing_public_key,
    }));
  }

  /**
   * Certificates about the given users that matter in the group: their
   * member certificates (organisation-wide) and org_admin / coordinator
   * certificates for this group.
   */
  async forSubjects(
    m: EntityManager,
    workingGroupId: string,
    subjectUserIds: string[],
  ): Promise<CertificateRow[]> {
    if (subjectUserIds.length === 0) return [];
    const rows = await m.query<CertRow[]>(
      `SELECT ${CERT_COLUMNS} FROM key_certificate
       WHERE subject_user_id = ANY ($2::uuid[]) AND (working_group_id IS NULL OR working_group_id = $1)
       ORDER BY created_at, id`,
      [workingGroupId, subjectUserIds],
    );
    return rows.map(toCertificateRow);
  }

  /** A user's keys and place, read in the caller's transaction. A certificate made against keys that change right after is refused by every client anyway. */
  async keyOwner(m: EntityManager, userId: string): Promise<KeyOwner | null> {
    const [row] = await m.query<
      Array<{
        id: string;
        organisation_id: string | null;
        role: string | null;
        disabled: boolean;
        public_key: Buffer;
        signing_public_key: Buffer | null;
      }>
    >(
      `SELECT id, organisation_id, role::text AS role, disabled_at IS NOT NULL AS disabled, public_key, signing_public_key
       FROM user_directory WHERE id = $1`,
      [userId],
    );
    return row
      ? {
          userId: row.id,
          organisationId: row.organisation_id,
          role: row.role,
          disabled: row.disabled,
          encryptionPublicKey: row.public_key,
          signingPublicKey: row.signing_public_key,
        }
      : null;
  }

  /** Whether the organisation is an active member of the group. */
  async isActiveMember(
    m: EntityManager,
    workingGroupId: string,
    organisationId: string,
  ): Promise<boolean> {
    const rows = await m.query<unknown[]>(
      `SELECT 1 FROM working_group_member
       WHERE working_group_id = $1 AND organisation_id = $2 AND status = 'active'`,
      [workingGroupId, organisationId],
    );
    return rows.length > 0;
  }

  async isCoordinator(m: EntityManager, workingGroupId: string, userId: string): Promise<boolean> {
    const rows = await m.query<unknown[]>(
      'SELECT 1 FROM working_group_coordinator WHERE working_group_id = $1 AND user_id = $2',
      [workingGroupId, userId],
    );
    return rows.length > 0;
  }

  /** Inserts the certificate, replacing the issuer's older one of the same kind, group and subject. */
  async upsert(m: EntityManager, c: NewCertificate): Promise<CertificateRow> {
    const [row] = await m.query<CertRow[]>(
      `INSERT INTO key_certificate
         (kind, working_group_id, subject_user_id, subject_organisation_id, issuer_user_id, body, signature)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (kind, coalesce(working_group_id, '00000000-0000-0000-0000-000000000000'::uuid), subject_user_id, issuer_user_id)
       DO UPDATE SET body = EXCLUDED.body, signature = EXCLUDED.signature,
                     subject_organisation_id = EXCLUDED.subject_organisation_id, created_at = now()
       RETURNING ${CERT_COLUMNS}`,
      [
        c.kind,
        c.workingGroupId,
        c.subjectUserId,
        c.subjectOrganisationId,
        c.issuerUserId,
        c.body,
        c.signature,
      ],
    );
    if (!row) throw new Error('Certificate upsert returned no row');
    return toCertificateRow(row);
  }
}
