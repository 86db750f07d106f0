import { Table, Text, VisuallyHidden } from '@mantine/core';
import type { ReactNode } from 'react';
import { FormattedMessage } from 'react-intl';
import type { MessageId } from '../i18n/messages';

/** One column: a translated header and how a row shows in it. */
export interface Column<Row> {
  /** Stable key (also the cell's `data-column`, for tests and styles). */
  key: string;
  header: MessageId;
  cell: (row: Row) => ReactNode;
  /** Numbers align to the end (right in LTR, left in RTL). */
  numeric?: boolean;
  width?: number | string;
  /** Shown to screen readers only (e.g. an actions column). */
  hiddenHeader?: boolean;
}

export interface DataTableProps<Row> {
  columns: readonly Column<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  /** Shown instead of the table when there are no rows. */
  empty?: MessageId;
  /** Below this width the table scrolls sideways instead of squeezing (phones). */
  minWidth?: number;
  caption?: ReactNode;
  'data-testid'?: string;
  rowTestId?: (row: Row) => string;
  /** Extra `data-*` attributes on a row (state the tests and styles read). */
  rowAttributes?: (row: Row) => Readonly<Record<`data-${string}`, string | number | undefined>>;
  striped?: boolean;
}

/**
 * The one table of the web client: headers come from the column definitions,
 * so every list has translated, consistent headers and scrolls on a phone.
 */
export function DataTable<Row>({
  columns,
  rows,
  rowKey,
  empty,
  minWidth = 560,
  caption,
  striped = true,
  rowTestId,
  rowAttributes,
  ...rest
}: DataTableProps<Row>) {
  if (rows.length === 0 && empty) {
    return (
      <Text
        c="dimmed"
        size="sm"
        data-testid={rest['data-testid'] ? `${rest['data-testid']}-empty` : undefined}
      >
        <FormattedMessage id={empty} />
      </Text>
    );
  }
  return (
    <Table.ScrollContainer minWidth={minWidth}>
      <Table striped={striped} data-testid={rest['data-testid']}>
        {caption && <Table.Caption>{caption}</Table.Caption>}
        <Table.Thead>
          <Table.Tr>
            {columns.map((column) => (
              <Table.Th
                key={column.key}
                scope="col"
                w={column.width}
                ta={column.numeric ? 'end' : undefined}
              >
                {column.hiddenHeader ? (
                  <VisuallyHidden>
                    <FormattedMessage id={column.header} />
                  </VisuallyHidden>
                ) : (
                  <FormattedMessage id={column.header} />
                )}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={rowKey(row)} data-testid={rowTestId?.(row)} {...rowAttributes?.(row)}>
              {columns.map((column) => (
                <Table.Td
                  key={column.key}
                  data-column={column.key}
                  ta={column.numeric ? 'end' : undefined}
                >
                  {column.cell(row)}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
