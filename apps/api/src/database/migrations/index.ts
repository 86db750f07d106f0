import { Foundation1764000000000 } from './1764000000000-foundation.js';
import { Identity1764000001000 } from './1764000001000-identity.js';
import { Overlaps1764000002000 } from './1764000002000-overlaps.js';
import { VerifiedKeys1764000003000 } from './1764000003000-verified-keys.js';
import { OprfLimits1764000004000 } from './1764000004000-oprf-limits.js';
import { ProbeResistance1764000005000 } from './1764000005000-probe-resistance.js';
import { AppRole1764000006000 } from './1764000006000-app-role.js';
import { AuditV21764000007000 } from './1764000007000-audit-v2.js';
import { ListIndexes1764000009000 } from './1764000009000-list-indexes.js';
import { CaseReferencePattern1764000010000 } from './1764000010000-case-reference-pattern.js';
import { IdempotencyKeys1764000012000 } from './1764000012000-idempotency-keys.js';
import { Clusters1764000013000 } from './1764000013000-clusters.js';
import { ClusterMessageRecipients1764000013200 } from './1764000013200-cluster-message-recipients.js';
import { DonorMetrics1764000014000 } from './1764000014000-donor-metrics.js';
import { FingerprintSchemaV21764000015000 } from './1764000015000-fingerprint-schema-v2.js';
import { OverlapAlertLevel1764000015100 } from './1764000015100-overlap-alert-level.js';
import { DropLiveEpochIndex1764000015200 } from './1764000015200-drop-live-epoch-index.js';
import { CaseEarlierEpochIndex1764000015300 } from './1764000015300-case-earlier-epoch-index.js';

/** Every migration, oldest first. A new migration is added here and nowhere else. */
export const MIGRATIONS = [
  Foundation1764000000000,
  Identity1764000001000,
  Overlaps1764000002000,
  VerifiedKeys1764000003000,
  OprfLimits1764000004000,
  ProbeResistance1764000005000,
  AppRole1764000006000,
  AuditV21764000007000,
  ListIndexes1764000009000,
  CaseReferencePattern1764000010000,
  IdempotencyKeys1764000012000,
  Clusters1764000013000,
  ClusterMessageRecipients1764000013200,
  DonorMetrics1764000014000,
  FingerprintSchemaV21764000015000,
  OverlapAlertLevel1764000015100,
  DropLiveEpochIndex1764000015200,
  CaseEarlierEpochIndex1764000015300,
];
