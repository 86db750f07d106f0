import type { Viewer } from '../features/auth/hooks/session';

/** A GraphQL endpoint in memory: answers by operation name, records every request. */

export interface GraphqlReply {
  data?: unknown;
  errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
}

export type Handler = (variables: Record<string, unknown>) => GraphqlReply | Promise<GraphqlReply>;

export interface Call {
  operationName: string;
  variables: Record<string, unknown>;
  /** False when the connection was down: the server never saw it. */
  delivered: boolean;
}

export interface FakeServer {
  fetch: typeof fetch;
  /** Every request the client made: its headers and credentials. */
  requests: RequestInit[];
  /** Every operation, in order. */
  calls: Call[];
  /** Makes the next requests fail as a dropped connection would. */
  goDown(): void;
  comeBack(): void;
}

export const SERVER_INFO = { name: 'Parallax', version: '0.1.0', schemaVersion: '1', demo: true };

/** An organisation admin of a civil-society organisation, member of one group. */
export const ORG_ADMIN_VIEWER = {
  __typename: 'Viewer',
  user: {
    __typename: 'User',
    id: 'user-1',
    email: 'amal@example.org',
    displayName: 'Amal Admin',
    role: 'org_admin',
    isPlatformAdmin: false,
    organisationId: 'org-1',
  },
  organisation: { __typename: 'Organisation', id: 'org-1', name: 'Example Centre', kind: 'cso' },
  actor: {
    __typename: 'ActorModel',
    userId: 'user-1',
    isPlatformAdmin: false,
    organisationId: 'org-1',
    organisationKind: 'cso',
    role: 'org_admin',
    coordinatorOf: [],
    memberOf: ['group-1'],
    donorOf: [],
  },
  publicKey: '',
  encryptedPrivateKey: '',
  signingPublicKey: null,
  encryptedSigningKey: null,
  stepUpValidUntil: null,
} as Viewer;

export type FakeViewer = Viewer;

export const graphqlError = (code: string, details?: Record<string, string>): GraphqlReply => ({
  data: null,
  errors: [{ message: code, extensions: { code, ...(details ? { details } : {}) } }],
});

export function fakeServer({
  viewer = ORG_ADMIN_VIEWER,
  handlers = {},
}: { viewer?: FakeViewer | null; handlers?: Record<string, Handler> } = {}): FakeServer {
  let down = false;
  const requests: RequestInit[] = [];
  const calls: Call[] = [];
  const defaults: Record<string, Handler> = {
    ServerInfo: () => ({ data: { serverInfo: { __typename: 'ServerInfo', ...SERVER_INFO } } }),
    Me: () => ({ data: { me: viewer } }),
    PendingWorkingGroupInvitations: () => ({ data: { pendingWorkingGroupInvitations: [] } }),
    // Polled by the shell's bell, and by the group-key sync once keys are unlocked.
    Notifications: () => ({ data: { notifications: [] } }),
    // Polled with the notifications: the bell's count of unread conversation messages.
    BellUnreadMessageCount: () => ({ data: { unreadMessageCount: 0 } }),
    // An account without a signing key registers one when its keys are unlocked.
    SetSigningKey: () => ({ data: { setSigningKey: true } }),
    // The organisation's case reference pattern (none unless a test sets one).
    OrganisationReferencePattern: (variables) => ({
      data: {
        organisation: {
          __typename: 'Organisation',
          id: variables['id'],
          caseReferencePattern: null,
        },
      },
    }),
    // The organisation's overlap alert level (issue 13): the hub's default.
    OrganisationOverlapAlertLevel: (variables) => ({
      data: {
        organisation: {
          __typename: 'Organisation',
          id: variables['id'],
          overlapAlertLevel: 'probable',
        },
      },
    }),
    GroupKeyStatus: (variables) => ({
      data: {
        groupKeyStatus: {
          __typename: 'GroupKeyStatus',
          workingGroupId: variables['wg'],
          epoch: null,
          schemaVersion: null,
          mySealedKey: null,
          isCoordinator: false,
          pendingRecipients: [],
        },
      },
    }),
  };
  return {
    requests,
    calls,
    goDown: () => void (down = true),
    comeBack: () => void (down = false),
    fetch: async (_input, init) => {
      requests.push(init ?? {});
      const body = JSON.parse(String(init?.body ?? '{}')) as {
        operationName?: string;
        variables?: Record<string, unknown>;
      };
      const operationName = body.operationName ?? '';
      const variables = body.variables ?? {};
      calls.push({ operationName, variables, delivered: !down });
      if (down) throw new TypeError('Failed to fetch');
      const handler = handlers[operationName] ?? defaults[operationName];
      const reply = handler ? await handler(variables) : graphqlError('INTERNAL');
      return new Response(JSON.stringify(reply), {
        headers: { 'content-type': 'application/json' },
      });
    },
  };
}
