import { ARRANGEMENT_STATUSES, type ArrangementStatus } from '@parallax/domain';
import type { IntlShape } from 'react-intl';

/** An arrangement status in the viewer's language (unknown values are shown as sent). */
export function arrangementStatusLabel(intl: IntlShape, status: string): string {
  return intl.formatMessage({ id: 'clusters.statusName' }, { status });
}

/** A role of the lead arrangement in the viewer's language. */
export function leadRoleLabel(intl: IntlShape, role: string): string {
  return intl.formatMessage({ id: 'clusters.roleName' }, { role });
}

export function isArrangementStatus(value: string | null): value is ArrangementStatus {
  return value !== null && (ARRANGEMENT_STATUSES as readonly string[]).includes(value);
}

/** The lead (and co-leads) in force, by name: "—" while nothing is agreed or decided. */
export function leadNames(
  parties: readonly { organisationId: string; organisationName: string }[],
  inForce: readonly { organisationId: string; role: string }[] | null | undefined,
): string[] {
  return (inForce ?? [])
    .filter((r) => r.role === 'lead' || r.role === 'co_lead')
    .sort((a, b) => (a.role === b.role ? 0 : a.role === 'lead' ? -1 : 1))
    .map((r) => parties.find((p) => p.organisationId === r.organisationId)?.organisationName)
    .filter((name): name is string => !!name);
}
