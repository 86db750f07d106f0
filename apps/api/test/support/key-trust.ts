import {
  certifyMember,
  certifyOrgAdmin,
  fetchKeyDirectory,
  type IssuedCertificate,
  type KeyHolder,
} from '@parallax/hub-client';
import { hubRequest, keysOf } from './hub.js';
import type { TestApp } from './test-app.js';
import type { Person } from './world.js';

/**
 * Certificates issued the way the real clients issue them (hub-client over
 * GraphQL, signed with the issuer's unsealed signing key), as if the two
 * people had compared their safety number.
 */
async function holder(
  issuer: Person,
  workingGroupId: string,
  subjectUserId: string,
): Promise<KeyHolder> {
  const directory = await fetchKeyDirectory(hubRequest(issuer.client), workingGroupId);
  const found = directory.holders.find((h) => h.userId === subjectUserId);
  if (!found) throw new Error(`${subjectUserId} is not in the key directory of ${workingGroupId}`);
  return found;
}

/** A coordinator of the group vouches for an org admin of a member organisation. */
export async function certifyAdmin(
  t: TestApp,
  coordinator: Person,
  workingGroupId: string,
  admin: Pick<Person, 'id'>,
): Promise<IssuedCertificate> {
  return certifyOrgAdmin(hubRequest(coordinator.client), {
    workingGroupId,
    subject: await holder(coordinator, workingGroupId, admin.id),
    me: await keysOf(t, coordinator),
  });
}

/** An org admin vouches for a colleague (seen through a group both belong to). */
export async function certifyColleague(
  t: TestApp,
  admin: Person,
  workingGroupId: string,
  colleague: Pick<Person, 'id'>,
): Promise<IssuedCertificate> {
  return certifyMember(hubRequest(admin.client), {
    subject: await holder(admin, workingGroupId, colleague.id),
    me: await keysOf(t, admin),
  });
}
