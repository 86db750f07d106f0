import {
  checkAuditCheckpoint,
  parseKeptCheckpoint,
  type CheckpointCheck,
  type KeptCheckpoint,
} from '@parallax/hub-client';
import { useEffect, useMemo, useState } from 'react';
import { useQuery } from 'urql';
import { AuditCheckpointDocument } from '../../../gql/graphql';

/** One record per browser and hub origin: the latest signed checkpoint seen, and the hub key pinned with it. */
export const CHECKPOINT_STORAGE_KEY = 'parallax.auditCheckpoint';

function readKept(): KeptCheckpoint | null {
  try {
    return parseKeptCheckpoint(window.localStorage.getItem(CHECKPOINT_STORAGE_KEY));
  } catch {
    return null;
  }
}

function writeKept(kept: KeptCheckpoint): void {
  try {
    window.localStorage.setItem(CHECKPOINT_STORAGE_KEY, JSON.stringify(kept));
  } catch {
    // Storage full or disabled: the check works again on the next visit that can store.
  }
}

/**
 * Checks, on each visit, that the hub's audit chain still contains the
 * signed checkpoint this browser kept last time (libs/hub-client
 * audit-checkpoint.ts), then keeps the newer one. On a failure the old record
 * stays as evidence. Null while the hub has not answered (or has no
 * checkpoint yet).
 */
export function useAuditCheckpoint(): CheckpointCheck | null {
  const [kept] = useState(readKept);
  const [{ data }] = useQuery({
    query: AuditCheckpointDocument,
    variables: { knownSeq: kept?.checkpoint.seq ?? null },
    requestPolicy: 'network-only',
  });
  const answer = data?.auditCheckpoint;
  const check = useMemo(() => (answer ? checkAuditCheckpoint(kept, answer) : null), [answer, kept]);
  useEffect(() => {
    if (check?.ok && check.keep) writeKept(check.keep);
  }, [check]);
  return check;
}
