import { Group, MultiSelect, NativeSelect, Text, TextInput } from '@mantine/core';
import { useMemo } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useQuery } from 'urql';
import { AuditActionsDocument } from '../../../gql/graphql';
import type { AuditFilter } from '../hooks/useAuditFilter';
import type { useAuditScopes } from '../hooks/useAuditScopes';
import { actionLabel } from '../utils/labels';

/** Narrows the log to a scope the viewer may audit, to some actions, and to a range of days. */
export function AuditFilters({
  filter,
  scopes,
  invalidRange,
  onChange: update,
}: {
  filter: AuditFilter;
  scopes: ReturnType<typeof useAuditScopes>;
  invalidRange: boolean;
  onChange: (patch: Partial<AuditFilter>) => void;
}) {
  const intl = useIntl();
  const { organisations, workingGroups } = scopes;
  const [{ data }] = useQuery({
    query: AuditActionsDocument,
    variables: { organisationId: filter.organisationId, workingGroupId: filter.workingGroupId },
  });
  const actionOptions = useMemo(() => {
    const codes = new Set([...(data?.auditActions ?? []), ...filter.actions]);
    return [...codes]
      .map((code) => ({ value: code, label: actionLabel(intl, code) }))
      .sort((a, b) => a.label.localeCompare(b.label, intl.locale));
  }, [data, filter.actions, intl]);
  const all = { value: '', label: intl.formatMessage({ id: 'audit.all' }) };

  return (
    <Group gap="sm" align="flex-start" wrap="wrap" data-testid="audit-filters">
      {organisations.length > 0 && (
        <NativeSelect
          label={intl.formatMessage({ id: 'audit.filterOrganisation' })}
          value={filter.organisationId ?? ''}
          onChange={(event) => update({ organisationId: event.currentTarget.value || null })}
          data={[all, ...organisations.map((o) => ({ value: o.id, label: o.name }))]}
          miw={220}
        />
      )}
      {workingGroups.length > 0 && (
        <NativeSelect
          label={intl.formatMessage({ id: 'audit.filterGroup' })}
          value={filter.workingGroupId ?? ''}
          onChange={(event) => update({ workingGroupId: event.currentTarget.value || null })}
          data={[all, ...workingGroups.map((g) => ({ value: g.id, label: g.name }))]}
          miw={220}
        />
      )}
      <MultiSelect
        label={intl.formatMessage({ id: 'audit.filterAction' })}
        placeholder={
          filter.actions.length === 0 ? intl.formatMessage({ id: 'audit.all' }) : undefined
        }
        data={actionOptions}
        value={[...filter.actions]}
        onChange={(actions) => update({ actions })}
        searchable
        clearable
        miw={260}
        maw={480}
        data-testid="audit-filter-action"
      />
      <TextInput
        type="date"
        label={intl.formatMessage({ id: 'audit.filterFrom' })}
        value={filter.fromDate ?? ''}
        onChange={(event) => update({ fromDate: event.currentTarget.value || null })}
        error={invalidRange}
        data-testid="audit-filter-from"
      />
      <TextInput
        type="date"
        label={intl.formatMessage({ id: 'audit.filterTo' })}
        value={filter.toDate ?? ''}
        onChange={(event) => update({ toDate: event.currentTarget.value || null })}
        error={invalidRange}
        data-testid="audit-filter-to"
      />
      {invalidRange && (
        <Text c="red" size="sm" role="alert" w="100%" data-testid="audit-range-error">
          <FormattedMessage id="error.code.INVALID_DATE_RANGE" />
        </Text>
      )}
    </Group>
  );
}
