import { Group, NativeSelect } from '@mantine/core';
import { useIntl } from 'react-intl';
import type { AuditFilter } from '../hooks/useAuditLog';
import { useAuditScopes } from '../hooks/useAuditScopes';

/** Narrows the log to one organisation or working group the viewer may audit. */
export function AuditFilters({
  filter,
  onChange: update,
}: {
  filter: AuditFilter;
  onChange: (patch: Partial<AuditFilter>) => void;
}) {
  const intl = useIntl();
  const { organisations, workingGroups } = useAuditScopes();
  if (organisations.length === 0 && workingGroups.length === 0) return null;
  return (
    <Group gap="sm" align="flex-end">
      {organisations.length > 0 && (
        <NativeSelect
          label={intl.formatMessage({ id: 'audit.filterOrganisation' })}
          value={filter.organisationId ?? ''}
          onChange={(event) => update({ organisationId: event.currentTarget.value || null })}
          data={[
            { value: '', label: intl.formatMessage({ id: 'audit.all' }) },
            ...organisations.map((o) => ({ value: o.id, label: o.name })),
          ]}
          miw={240}
        />
      )}
      {workingGroups.length > 0 && (
        <NativeSelect
          label={intl.formatMessage({ id: 'audit.filterGroup' })}
          value={filter.workingGroupId ?? ''}
          onChange={(event) => update({ workingGroupId: event.currentTarget.value || null })}
          data={[
            { value: '', label: intl.formatMessage({ id: 'audit.all' }) },
            ...workingGroups.map((g) => ({ value: g.id, label: g.name })),
          ]}
          miw={240}
        />
      )}
    </Group>
  );
}
