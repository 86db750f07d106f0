import { Alert, Button, Group, List, Stack, Text, Title } from '@mantine/core';
import { countProblems, type RowProblem } from '@parallax/fingerprint';
import { FormattedMessage, useIntl } from 'react-intl';
import { DataTable, type Column } from '../../../ui/DataTable';
import { AlertIcon } from '../../../ui/icons';
import { downloadProblemReport } from '../utils/problem-report';
import { problemLabel, problemText } from '../utils/problem-text';

/** Rows listed on the page; the report has them all. */
export const ROWS_LISTED = 10;

/** The rows the import skips: a count per problem, the first rows, and the report to download. */
export function ImportProblems({ problems }: { problems: readonly RowProblem[] }) {
  const intl = useIntl();
  if (problems.length === 0) return null;
  const columns: Column<RowProblem>[] = [
    {
      key: 'row',
      header: 'import.rowProblems.row',
      cell: (p) => intl.formatNumber(p.row),
      numeric: true,
    },
    { key: 'column', header: 'import.column', cell: (p) => <bdi>{p.field ?? ''}</bdi> },
    { key: 'problem', header: 'import.rowProblems.problem', cell: (p) => problemText(intl, p) },
  ];
  const listed = problems.slice(0, ROWS_LISTED);
  return (
    <Alert
      color="yellow"
      variant="light"
      icon={<AlertIcon />}
      role="note"
      data-testid="import-row-problems"
    >
      <Stack gap="sm">
        <Title order={3} size="h4">
          <FormattedMessage id="import.rowProblems.title" values={{ count: problems.length }} />
        </Title>
        <Text size="sm">
          <FormattedMessage id="import.rowProblems.intro" />
        </Text>
        <List size="sm">
          {countProblems(problems).map(([code, count]) => (
            <List.Item key={code} data-testid={`problem-count-${code}`}>
              <FormattedMessage
                id="import.rowProblems.count"
                values={{ problem: problemLabel(intl, code), count }}
              />
            </List.Item>
          ))}
        </List>
        {problems.length > listed.length && (
          <Text size="sm">
            <FormattedMessage id="import.rowProblems.first" values={{ count: listed.length }} />
          </Text>
        )}
        <DataTable
          columns={columns}
          rows={listed}
          rowKey={(p) => `${p.row}:${p.code}:${p.field ?? ''}`}
          minWidth={360}
          striped={false}
        />
        <Group gap="sm" align="center">
          <Button
            variant="default"
            onClick={() => downloadProblemReport(problems)}
            data-testid="import-problem-report"
          >
            <FormattedMessage id="import.rowProblems.download" />
          </Button>
          <Text size="xs" c="dimmed" maw={520}>
            <FormattedMessage id="import.rowProblems.downloadHint" />
          </Text>
        </Group>
      </Stack>
    </Alert>
  );
}
