/**
 * Re-importing after a key rotation. A record's idempotency key is derived
 * from its id under K_group (import-keys.ts), so the same record gets a new
 * key in each epoch: without help, re-importing a file after a rotation
 * registered every record a second time. The caller's own sealed copies of
 * the earlier epochs' keys stay on the hub; opened here, they give each
 * record's earlier idempotency keys, which the upload names
 * (`CaseInput.supersedes`) so the hub re-fingerprints that case in place.
 *
 * These keys only derive idempotency keys, never fingerprints: a copy that
 * does not open (its sealer's key changed, an account from before signing
 * keys) is skipped, and a wrong key could at worst fail to recognise a
 * record (the hub cannot make HMAC(K', id) equal another record's key
 * without the id). Records with the caller's own reference are recognised
 * without them (the hub matches the reference of an earlier-epoch case).
 */
import { openGroupKey } from '@parallax/identity';
import { fromBase64 } from './base64.js';
import { EarlierGroupKeyGrantsDocument } from './gql/graphql.js';
import { fetchKeyDirectory } from './key-directory.js';
import type { KeyOwner } from './key-owner.js';
import { send } from './operation.js';
import type { HubRequest } from './request.js';

export interface EarlierGroupKey {
  readonly epoch: number;
  readonly groupKey: Uint8Array;
}

/** The group's earlier keys this user can still open, newest first (empty if none). */
export async function earlierGroupKeys(
  request: HubRequest,
  workingGroupId: string,
  me: Pick<KeyOwner, 'userId' | 'privateKey'>,
): Promise<EarlierGroupKey[]> {
  const { earlierGroupKeyGrants: grants } = await send(request, EarlierGroupKeyGrantsDocument, {
    wg: workingGroupId,
  });
  if (grants.length === 0) return [];
  const directory = await fetchKeyDirectory(request, workingGroupId);
  const out: EarlierGroupKey[] = [];
  for (const g of grants) {
    const sender = directory.holders.find((h) => h.userId === g.senderUserId);
    if (!sender || !g.senderUserId) continue;
    try {
      out.push({
        epoch: g.epoch,
        groupKey: await openGroupKey(
          fromBase64(g.sealedKey),
          me.privateKey,
          {
            workingGroupId,
            epoch: g.epoch,
            recipientUserId: me.userId,
            senderUserId: g.senderUserId,
          },
          fromBase64(sender.encryptionPublicKey),
        ),
      });
    } catch {
      // Not openable any more: those records are then recognised by reference only.
    }
  }
  return out;
}
