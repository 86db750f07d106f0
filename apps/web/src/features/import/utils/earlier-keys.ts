import { earlierGroupKeys, type EarlierGroupKey, type HubRequest } from '@parallax/hub-client';

/**
 * The group's earlier keys this user can open, so that a file imported again
 * after a key rotation updates its cases instead of doubling them; none
 * (records then recognised by their own reference only) if that fails.
 */
export async function earlierKeys(
  request: HubRequest,
  workingGroupId: string,
  me: { userId: string; privateKey: Uint8Array } | null,
): Promise<EarlierGroupKey[]> {
  if (!me) return [];
  try {
    return await earlierGroupKeys(request, workingGroupId, me);
  } catch {
    return [];
  }
}
