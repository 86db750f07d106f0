import { NativeSelect, Stack, Text, Title } from '@mantine/core';
import { FormattedMessage, useIntl } from 'react-intl';
import { DataTable, type Column } from '../../../ui/DataTable';
import { targetLabel } from '../utils/target-label';

interface MappingRow {
  header: string;
  target: string;
}

interface Props {
  mapping: readonly MappingRow[];
  targets: readonly string[];
  disabled: boolean;
  onRemap: (header: string, target: string) => void;
}

/** CSV: what each column holds, changeable. */
export function MappingTable({ mapping, targets, disabled, onRemap }: Props) {
  const intl = useIntl();
  const options = targets.map((t) => ({ value: t, label: targetLabel(intl, t) }));
  const columns: Column<MappingRow>[] = [
    {
      key: 'column',
      header: 'import.column',
      cell: (m) => <span dir="auto">{m.header}</span>,
    },
    {
      key: 'target',
      header: 'import.target',
      cell: (m) => (
        <NativeSelect
          aria-label={intl.formatMessage({ id: 'import.targetOf' }, { column: m.header })}
          value={m.target}
          onChange={(event) => onRemap(m.header, event.currentTarget.value)}
          data={options}
          disabled={disabled}
          size="xs"
          maw={280}
        />
      ),
    },
  ];
  return (
    <Stack gap="xs">
      <Title order={3} size="h4">
        <FormattedMessage id="import.mappingTitle" />
      </Title>
      <Text size="sm">
        <FormattedMessage id="import.mappingIntro" />
      </Text>
      <DataTable
        columns={columns}
        rows={mapping}
        rowKey={(m) => m.header}
        minWidth={420}
        striped={false}
        data-testid="import-mapping"
      />
    </Stack>
  );
}
