import { CASE_STATUSES } from '@parallax/domain';
import { Group, NativeSelect, TextInput } from '@mantine/core';
import { useIntl } from 'react-intl';
import type { MessageId } from '../../../i18n/messages';
import { CASE_STATES, MAX_SEARCH, type useCaseListParams } from '../hooks/useCaseListParams';
import { statusLabel } from '../utils/labels';

/** Search by reference, and the group, status and state filters of the cases list. */
export function CaseListFilters({
  filters,
  groupNames,
}: {
  filters: ReturnType<typeof useCaseListParams>;
  groupNames: ReadonlyMap<string, string>;
}) {
  const intl = useIntl();
  const { variables, searchText, setSearchText, update } = filters;
  const all = { value: '', label: intl.formatMessage({ id: 'audit.all' }) };
  return (
    <Group gap="sm" align="flex-end" wrap="wrap">
      <TextInput
        type="search"
        label={intl.formatMessage({ id: 'cases.search' })}
        placeholder={intl.formatMessage({ id: 'cases.searchPlaceholder' })}
        value={searchText}
        onChange={(event) => setSearchText(event.currentTarget.value)}
        maxLength={MAX_SEARCH}
        dir="auto"
        miw={260}
        data-testid="cases-search"
      />
      {groupNames.size > 1 && (
        <NativeSelect
          label={intl.formatMessage({ id: 'cases.filterGroup' })}
          value={variables.workingGroupId ?? ''}
          onChange={(event) => update({ group: event.currentTarget.value || null })}
          data={[all, ...[...groupNames].map(([value, label]) => ({ value, label }))]}
          miw={200}
          data-testid="cases-filter-group"
        />
      )}
      <NativeSelect
        label={intl.formatMessage({ id: 'cases.status' })}
        value={variables.status ?? ''}
        onChange={(event) => update({ status: event.currentTarget.value || null })}
        data={[all, ...CASE_STATUSES.map((s) => ({ value: s, label: statusLabel(intl, s) }))]}
        miw={180}
        data-testid="cases-filter-status"
      />
      <NativeSelect
        label={intl.formatMessage({ id: 'cases.filterState' })}
        value={variables.state ?? ''}
        onChange={(event) => update({ state: event.currentTarget.value || null })}
        data={[
          all,
          ...CASE_STATES.map((s) => ({
            value: s,
            label: intl.formatMessage({ id: `cases.state.${s}` as MessageId }),
          })),
        ]}
        miw={200}
        data-testid="cases-filter-state"
      />
    </Group>
  );
}
