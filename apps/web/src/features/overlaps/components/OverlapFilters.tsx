import { OVERLAP_STRENGTHS } from '@parallax/domain';
import { Button, Chip, Group, Stack, Text, TextInput } from '@mantine/core';
import { useId } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { MessageId } from '../../../i18n/messages';
import { strengthLabel } from '../../notifications/utils/notification-text';
import { MAX_SEARCH, STATUSES, VERDICTS, type OverlapFilterState } from '../hooks/useOverlapFilter';

/** A labelled row of toggles: any of the chosen values, none chosen = any. */
function ChipFilter({
  label,
  param,
  values,
  chosen,
  labelOf,
  update,
}: {
  label: MessageId;
  param: string;
  values: readonly string[];
  chosen: readonly string[] | null;
  labelOf: (value: string) => string;
  update: OverlapFilterState['update'];
}) {
  const id = useId();
  return (
    <Stack gap={4} role="group" aria-labelledby={id} data-testid={`overlaps-filter-${param}`}>
      <Text id={id} size="sm" fw={500}>
        <FormattedMessage id={label} />
      </Text>
      <Chip.Group
        multiple
        value={[...(chosen ?? [])]}
        onChange={(next) => update({ [param]: next })}
      >
        <Group gap={6} wrap="wrap">
          {values.map((v) => (
            <Chip key={v} value={v} size="sm" data-value={v}>
              {labelOf(v)}
            </Chip>
          ))}
        </Group>
      </Chip.Group>
    </Stack>
  );
}

/** Search by our reference, and the strength, verdict, status and date filters of the overlaps page. */
export function OverlapFilters({ filter }: { filter: OverlapFilterState }) {
  const intl = useIntl();
  const { variables, searchText, setSearchText, update, clear, active } = filter;
  return (
    <Stack
      gap="sm"
      component="section"
      aria-label={intl.formatMessage({ id: 'overlaps.filter.title' })}
    >
      <Group gap="sm" align="flex-end" wrap="wrap">
        <TextInput
          type="search"
          label={intl.formatMessage({ id: 'overlaps.filter.search' })}
          placeholder={intl.formatMessage({ id: 'overlaps.filter.searchPlaceholder' })}
          value={searchText}
          onChange={(event) => setSearchText(event.currentTarget.value)}
          maxLength={MAX_SEARCH}
          dir="auto"
          style={{ flex: '1 1 15rem' }}
          data-testid="overlaps-search"
        />
        <TextInput
          type="date"
          label={intl.formatMessage({ id: 'overlaps.filter.from' })}
          value={variables.createdFrom ?? ''}
          onChange={(event) => update({ from: event.currentTarget.value || null })}
          style={{ flex: '1 1 9rem' }}
          data-testid="overlaps-filter-from"
        />
        <TextInput
          type="date"
          label={intl.formatMessage({ id: 'overlaps.filter.to' })}
          value={variables.createdTo ?? ''}
          onChange={(event) => update({ to: event.currentTarget.value || null })}
          style={{ flex: '1 1 9rem' }}
          data-testid="overlaps-filter-to"
        />
      </Group>
      <Group gap="lg" align="flex-start" wrap="wrap">
        <ChipFilter
          label="overlaps.filter.strength"
          param="strength"
          values={OVERLAP_STRENGTHS}
          chosen={variables.strengths}
          labelOf={(s) => strengthLabel(intl, s)}
          update={update}
        />
        <ChipFilter
          label="overlaps.filter.verdict"
          param="verdict"
          values={VERDICTS}
          chosen={variables.verdicts}
          labelOf={(v) => intl.formatMessage({ id: `overlaps.verdict.${v}` as MessageId })}
          update={update}
        />
        <ChipFilter
          label="overlaps.filter.status"
          param="status"
          values={STATUSES}
          chosen={variables.statuses}
          labelOf={(s) => intl.formatMessage({ id: `overlaps.status.${s}` as MessageId })}
          update={update}
        />
      </Group>
      {active && (
        <Group>
          <Button
            variant="subtle"
            size="compact-sm"
            onClick={clear}
            data-testid="overlaps-filter-clear"
          >
            <FormattedMessage id="overlaps.filter.clear" />
          </Button>
        </Group>
      )}
    </Stack>
  );
}
