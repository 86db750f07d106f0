import { ArrangementsResolver } from '../modules/arrangements/arrangements.resolver.js';
import { ClusterArrangementResolver } from '../modules/arrangements/cluster-arrangement.resolver.js';
import { LeadArrangementResolver } from '../modules/arrangements/lead-arrangement.resolver.js';
import { OrganisationNegotiatorsResolver } from '../modules/arrangements/organisation-negotiators.resolver.js';
import { AuditResolver } from '../modules/audit/audit.resolver.js';
import { AuthResolver } from '../modules/auth/auth.resolver.js';
import { CasesResolver } from '../modules/cases/cases.resolver.js';
import { CoordinationResolver } from '../modules/coordination/coordination.resolver.js';
import { ClustersResolver } from '../modules/clusters/clusters.resolver.js';
import { ClusterUnreadResolver } from '../modules/conversations/cluster-unread.resolver.js';
import { ConversationsResolver } from '../modules/conversations/conversations.resolver.js';
import { KeyRequestsResolver } from '../modules/keys/key-requests.resolver.js';
import { KeyTrustResolver } from '../modules/keys/key-trust.resolver.js';
import { KeysResolver } from '../modules/keys/keys.resolver.js';
import { MetricsResolver } from '../modules/metrics/metrics.resolver.js';
import { NotificationsResolver } from '../modules/notifications/notifications.resolver.js';
import { OverlapPagesResolver } from '../modules/overlaps/overlap-pages.resolver.js';
import { OverlapsResolver } from '../modules/overlaps/overlaps.resolver.js';
import { OverlapAlertLevelResolver } from '../modules/overlap-alerts/overlap-alert-level.resolver.js';
import { InvitationsResolver } from '../modules/invitations/invitations.resolver.js';
import { OrganisationsResolver } from '../modules/organisations/organisations.resolver.js';
import { ClusterReferralsResolver } from '../modules/referrals/cluster-referrals.resolver.js';
import { ReferralsResolver } from '../modules/referrals/referrals.resolver.js';
import { SystemResolver } from '../modules/system/system.resolver.js';
import { UsersResolver } from '../modules/users/users.resolver.js';
import { WorkingGroupsResolver } from '../modules/working-groups/working-groups.resolver.js';

/**
 * Every resolver class. The schema printer builds `schema.gql` from this list
 * and a test checks it against the schema the running app serves.
 */
export const RESOLVERS = [
  ArrangementsResolver,
  ClusterArrangementResolver,
  LeadArrangementResolver,
  OrganisationNegotiatorsResolver,
  AuditResolver,
  AuthResolver,
  CasesResolver,
  CoordinationResolver,
  ConversationsResolver,
  ClustersResolver,
  ClusterUnreadResolver,
  InvitationsResolver,
  KeysResolver,
  KeyRequestsResolver,
  KeyTrustResolver,
  MetricsResolver,
  NotificationsResolver,
  OverlapsResolver,
  OverlapPagesResolver,
  OverlapAlertLevelResolver,
  OrganisationsResolver,
  ReferralsResolver,
  ClusterReferralsResolver,
  SystemResolver,
  UsersResolver,
  WorkingGroupsResolver,
];
