import { Badge, Box } from '@mantine/core';
import { FormattedMessage, useIntl } from 'react-intl';
import type { MessageId } from '../../../i18n/messages';
import { DataTable, type Column } from '../../../ui/DataTable';
import type { CoordinatorPicture } from './types';

type Bucket = CoordinatorPicture['ageing'][number];

const AGEING_LABELS: Readonly<Record<string, MessageId>> = {
  under_7_days: 'dashboard.ageUnder7',
  '7_to_30_days': 'dashboard.age7to30',
  over_30_days: 'dashboard.ageOver30',
};

/** How long unresolved overlaps have been waiting, by age bucket. */
export function AgeingTable({ ageing }: { ageing: readonly Bucket[] }) {
  const intl = useIntl();
  const columns: Column<Bucket>[] = [
    {
      key: 'age',
      header: 'dashboard.age',
      cell: (b) => {
        const label = AGEING_LABELS[b.bucket];
        return label ? <FormattedMessage id={label} /> : b.bucket;
      },
    },
    {
      key: 'unresolved',
      header: 'dashboard.unresolved',
      cell: (b) =>
        b.count > 0 && b.bucket === 'over_30_days' ? (
          <Badge color="red" variant="light">
            {intl.formatNumber(b.count)}
          </Badge>
        ) : (
          intl.formatNumber(b.count)
        ),
    },
  ];
  return (
    <Box maw={480}>
      <DataTable
        columns={columns}
        rows={ageing}
        rowKey={(b) => b.bucket}
        minWidth={240}
        striped={false}
        data-testid="ageing"
      />
    </Box>
  );
}
