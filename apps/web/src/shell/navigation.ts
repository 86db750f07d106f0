import type { Actor } from '@parallax/authz';
import type { ComponentType } from 'react';
import type { Can, Permission } from '../features/auth/hooks/permissions';
import type { MessageId } from '../i18n/messages';
import {
  BuildingIcon,
  ChartIcon,
  ChatIcon,
  FolderIcon,
  GroupIcon,
  HomeIcon,
  ListIcon,
  OverlapIcon,
  ShieldIcon,
  UserIcon,
} from '../ui/icons';

interface NavItem {
  path: string;
  label: MessageId;
  icon: ComponentType;
  /** Hidden from users who lack it (all but Home, while signed out). */
  requires?: Permission;
  /**
   * Where no policy subject fits: shown only to actors for whom this is true
   * (hidden while signed out, or when the shell passes no actor).
   */
  visibleTo?: (actor: Actor) => boolean;
  /** Shown to donor accounts, who may use only these (the API refuses them the rest). */
  forDonors?: boolean;
}

/** A donor organisation's people see published metrics and their own account, nothing else. */
export function isDonorAccount(actor: Actor): boolean {
  return actor.organisationKind === 'donor';
}

/**
 * Donors (even before a group grants them its numbers: the page says so)
 * and coordinators, who see their groups' published releases.
 */
export function seesMetrics(actor: Actor): boolean {
  return isDonorAccount(actor) || actor.donorOf.length > 0 || actor.coordinatorOf.length > 0;
}

/**
 * Clusters are between member organisations: people of a CSO that is an
 * active member of a working group (coordinators reach a cluster from their
 * escalations; donors and the hub's operator have none).
 */
export function isClusterMember(actor: Actor): boolean {
  return actor.organisationKind === 'cso' && actor.role !== null && actor.memberOf.length > 0;
}

/** The main sections, in navigation order. Routes live in router.tsx. */
export const NAV_ITEMS: readonly NavItem[] = [
  { path: '/', label: 'nav.home', icon: HomeIcon, forDonors: true },
  // Cases and overlaps have no policy subject of their own (the API checks
  // membership and role): they follow working-group access.
  {
    path: '/cases',
    label: 'nav.cases',
    icon: FolderIcon,
    requires: { action: 'read', subject: 'WorkingGroup' },
  },
  {
    path: '/overlaps',
    label: 'nav.overlaps',
    icon: OverlapIcon,
    requires: { action: 'read', subject: 'WorkingGroup' },
  },
  {
    path: '/clusters',
    label: 'nav.clusters',
    icon: ChatIcon,
    visibleTo: isClusterMember,
  },
  // Published numbers of the groups one funds or coordinates.
  {
    path: '/metrics',
    label: 'nav.metrics',
    icon: ChartIcon,
    visibleTo: seesMetrics,
    forDonors: true,
  },
  {
    path: '/working-groups',
    label: 'nav.workingGroups',
    icon: GroupIcon,
    requires: { action: 'read', subject: 'WorkingGroup' },
  },
  {
    path: '/organisation',
    label: 'nav.organisation',
    icon: BuildingIcon,
    requires: { action: 'read', subject: 'Organisation' },
  },
  {
    path: '/platform',
    label: 'nav.platform',
    icon: ShieldIcon,
    requires: { action: 'create', subject: 'Organisation' },
  },
  {
    path: '/audit',
    label: 'nav.audit',
    icon: ListIcon,
    requires: { action: 'read', subject: 'AuditEntry' },
  },
  {
    path: '/account',
    label: 'nav.account',
    icon: UserIcon,
    requires: { action: 'read', subject: 'Session' },
    forDonors: true,
  },
];

export function visibleNavItems(
  items: readonly NavItem[],
  can: Can,
  actor: Actor | null = null,
): NavItem[] {
  const donor = actor !== null && isDonorAccount(actor);
  return items.filter(
    (item) =>
      (!donor || item.forDonors === true) &&
      (!item.requires || can(item.requires)) &&
      (!item.visibleTo || (actor !== null && item.visibleTo(actor))),
  );
}
