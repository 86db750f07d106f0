import { Checkbox, NativeSelect, SimpleGrid, Stack } from '@mantine/core';
import { CASE_STATUSES, CRIME_CATEGORIES, SITUATIONS } from '@parallax/domain';
import { useIntl } from 'react-intl';
import { crimeLabel, situationLabel, statusLabel } from '../utils/labels';

export interface CaseTags {
  status: string;
  situationTags: string[];
  crimeTags: string[];
}

export const defaultTags = (): CaseTags => ({
  status: 'active',
  situationTags: [],
  crimeTags: [],
});

/** Status, situations and crime categories: fixed vocabularies, nothing free-form. */
export function CaseTagsFields({
  value,
  onChange,
}: {
  value: CaseTags;
  onChange: (value: CaseTags) => void;
}) {
  const intl = useIntl();
  return (
    <Stack gap="md">
      <NativeSelect
        label={intl.formatMessage({ id: 'cases.status' })}
        value={value.status}
        onChange={(event) => onChange({ ...value, status: event.currentTarget.value })}
        data={CASE_STATUSES.map((s) => ({ value: s, label: statusLabel(intl, s) }))}
        maw={320}
        data-testid="case-status"
      />
      <Checkbox.Group
        label={intl.formatMessage({ id: 'cases.situations' })}
        value={value.situationTags}
        onChange={(situationTags) => onChange({ ...value, situationTags })}
      >
        <SimpleGrid cols={{ base: 2, sm: 3, md: 4 }} spacing="xs" mt="xs">
          {SITUATIONS.map((s) => (
            <Checkbox key={s} value={s} label={situationLabel(intl, s)} />
          ))}
        </SimpleGrid>
      </Checkbox.Group>
      <Checkbox.Group
        label={intl.formatMessage({ id: 'cases.crimes' })}
        value={value.crimeTags}
        onChange={(crimeTags) => onChange({ ...value, crimeTags })}
      >
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="xs" mt="xs">
          {CRIME_CATEGORIES.map((c) => (
            <Checkbox key={c} value={c} label={crimeLabel(intl, c)} />
          ))}
        </SimpleGrid>
      </Checkbox.Group>
    </Stack>
  );
}
