import type { CaseStatus, CrimeCategory, Situation } from '@parallax/domain';
import type { TrackingCase } from './models/case.model.js';

/** The shapes of a tracking case as the services pass it and the repositories read and write it. */

export interface FingerprintValue {
  kind: string;
  /** base64url of the 32-byte fingerprint, as the client sent it. */
  fp: string;
}

export interface CaseFields {
  reference: string;
  status: CaseStatus;
  situationTags: Situation[];
  crimeTags: CrimeCategory[];
}

export interface CaseRow {
  id: string;
  working_group_id: string;
  organisation_id: string;
  reference: string;
  status: CaseStatus;
  situation_tags: Situation[];
  crime_tags: CrimeCategory[];
  epoch: number;
  fingerprint_count: number;
  created_at: Date;
  updated_at: Date;
  withdrawn_at: Date | null;
  /** Set when the organisation left the case's working group. */
  frozen_at: Date | null;
  /** The group's current key epoch (null before its first key). */
  current_epoch: number | null;
}

/** A case as a client registers it. */
export interface NewCase extends CaseFields {
  idempotencyKey: string;
  epoch: number;
  /** The fingerprint schema version of the fingerprints: must be the epoch's. */
  schemaVersion: string;
  fingerprints: FingerprintValue[];
  /** The record's idempotency keys under earlier key epochs (re-fingerprinting after a rotation). */
  supersedes?: string[] | null | undefined;
}

export interface CaseInsert extends CaseFields {
  workingGroupId: string;
  organisationId: string;
  epoch: number;
  fingerprintCount: number;
  idempotencyKey: string;
  createdBy: string;
}

export function toTrackingCase(r: CaseRow): TrackingCase {
  return {
    id: r.id,
    workingGroupId: r.working_group_id,
    reference: r.reference,
    status: r.status,
    situationTags: r.situation_tags,
    crimeTags: r.crime_tags,
    epoch: r.epoch,
    fingerprintCount: r.fingerprint_count,
    needsRefingerprint:
      !r.withdrawn_at && !r.frozen_at && r.current_epoch !== null && r.epoch !== r.current_epoch,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    withdrawnAt: r.withdrawn_at,
    frozenAt: r.frozen_at,
  };
}
