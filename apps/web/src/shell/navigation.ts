import type { ComponentType } from 'react';
import type { Can, Permission } from '../features/auth/hooks/permissions';
import type { MessageId } from '../i18n/messages';
import {
  BuildingIcon,
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

export function visibleNavItems(items: readonly NavItem[], can: Can): NavItem[] {
  return items.filter((item) => !item.requires || can(item.requires));
}
