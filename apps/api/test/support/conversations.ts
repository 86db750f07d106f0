import {
  unlockGroupKey,
  listClusterMessages,
  sealNote,
  sendClusterMessage,
  type OpenedClusterMessage,
  type SealedClusterMessage,
} from '@parallax/hub-client';
import type { ClusterMessageAudience, ClusterMessageBody, NoteAbout } from '@parallax/identity';
import { DataSource } from 'typeorm';
import { devicePins, hubRequest, keysOf, shareKey } from './hub.js';
import { certifyAdmin } from './key-trust.js';
import type { TestApp } from './test-app.js';
import { login, person, type Person } from './world.js';

/**
 * The person's coordinator pins for the group, as a browser has them once
 * it opened the group key (first use pins the coordinator whose signed
 * commitment the key matches).
 */
export async function pinsOf(t: TestApp, p: Person, workingGroupId: string) {
  const pins = await devicePins.load(p.id, workingGroupId);
  if (Object.keys(pins).length > 0) return pins;
  await unlockGroupKey(hubRequest(p.client), workingGroupId, await keysOf(t, p), {
    pins: devicePins,
  });
  return devicePins.load(p.id, workingGroupId);
}

/**
 * A person's browser in the conversation: the real hub-client sealing and
 * opening with the person's real keys and device pins.
 */
export async function say(
  t: TestApp,
  p: Person,
  cluster: { clusterId: string; workingGroupId: string },
  body: ClusterMessageBody,
  audience: ClusterMessageAudience = 'parties',
) {
  return sendClusterMessage(hubRequest(p.client), await keysOf(t, p), {
    ...cluster,
    audience,
    body,
    pins: await pinsOf(t, p, cluster.workingGroupId),
  });
}

export async function note(
  t: TestApp,
  p: Person,
  cluster: { clusterId: string; workingGroupId: string },
  text: string,
  about: NoteAbout,
): Promise<SealedClusterMessage> {
  return sealNote(hubRequest(p.client), await keysOf(t, p), {
    ...cluster,
    text,
    about,
    pins: await pinsOf(t, p, cluster.workingGroupId),
  });
}

export async function read(
  t: TestApp,
  p: Person,
  cluster: { clusterId: string; workingGroupId: string },
): Promise<OpenedClusterMessage[]> {
  const page = await listClusterMessages(hubRequest(p.client), await keysOf(t, p), {
    ...cluster,
    pins: await pinsOf(t, p, cluster.workingGroupId),
    first: 200,
  });
  return page.nodes;
}

/** The texts a person could open, newest first; a copy that failed shows as its problem. */
export const textsOf = (messages: OpenedClusterMessage[]): string[] =>
  messages.map((m) =>
    'problem' in m
      ? `!${m.problem}`
      : m.body.kind === 'contact_card'
        ? `card:${m.body.name}`
        : m.body.text,
  );

/** A new member organisation of the group, with a signed-in org admin whose keys the coordinator certified. */
export async function memberOrganisation(
  t: TestApp,
  name: string,
  workingGroupId: string,
  coordinator: Person,
): Promise<{ organisationId: string; admin: Person }> {
  const ds = t.app.get(DataSource);
  const [org] = await ds.query<Array<{ id: string }>>(
    `INSERT INTO organisation (name, kind) VALUES ($1, 'cso') RETURNING id`,
    [name],
  );
  const organisationId = org?.id ?? '';
  await ds.query(
    `INSERT INTO working_group_member (working_group_id, organisation_id, status, joined_at) VALUES ($1, $2, 'active', now())`,
    [workingGroupId, organisationId],
  );
  const p = await person(t, `admin-${name.toLowerCase().replace(/\W+/gu, '-')}@t.test`, {
    organisationId,
    role: 'org_admin',
  });
  const admin = { ...p, client: await login(t, p) };
  await certifyAdmin(t, coordinator, workingGroupId, admin);
  // The coordinator's open client seals the group key to the newly certified admin.
  await shareKey(t, coordinator, workingGroupId);
  return { organisationId, admin };
}

export const SEND = `mutation($c: ID!, $m: SealedMessageInput!) {
  sendClusterMessage(clusterId: $c, message: $m) { id recipientUserIds read }
}`;
export const MESSAGES = `query($c: ID!, $first: Int, $after: String) {
  clusterMessages(clusterId: $c, first: $first, after: $after) {
    nodes { id clusterId senderUserId senderOrganisationId audience createdAt recipientUserIds sealed read }
    totalCount pageInfo { endCursor hasNextPage }
  }
}`;
export const RECIPIENTS = `query($c: ID!, $a: MessageAudience!) {
  clusterRecipients(clusterId: $c, audience: $a) { userId organisationId isCoordinator }
}`;
export const UNREAD = `query { unreadMessageCount }`;
export const MARK_READ = `mutation($c: ID!) { markClusterMessagesRead(clusterId: $c) }`;

/** Rows a refused message must not have written: messages, copies, their audit entries and alerts. */
export async function messageFootprint(t: TestApp): Promise<number[]> {
  const [row] = await t.app
    .get(DataSource)
    .query<Array<{ m: number; k: number; a: number; n: number }>>(
      `SELECT (SELECT count(*)::int FROM cluster_message) AS m,
            (SELECT count(*)::int FROM cluster_message_copy) AS k,
            (SELECT count(*)::int FROM audit_log WHERE action = 'cluster.message_sent') AS a,
            (SELECT count(*)::int FROM notification WHERE kind = 'cluster.message') AS n`,
    );
  return [row?.m ?? -1, row?.k ?? -1, row?.a ?? -1, row?.n ?? -1];
}
