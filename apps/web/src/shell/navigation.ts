import type { Actor } from '@parallax/authz';
import type { ComponentType } from 'react';
import type { Can, Permission } from '../features/auth/hooks/permissions';
import type { MessageId } from '../i18n/messages';
import {
  BuildingIcon,
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
  { path: '/', label: 'nav.home', icon: HomeIcon },
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
  },
];

export function visibleNavItems(
  items: readonly NavItem[],
  can: Can,
  actor: Actor | null = null,
): NavItem[] {
  return items.filter(
    (item) =>
      (!item.requires || can(item.requires)) &&
      (!item.visibleTo || (actor !== null && item.visibleTo(actor))),
  );
}
