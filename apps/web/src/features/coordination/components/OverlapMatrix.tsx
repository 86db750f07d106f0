import { Table, Text, VisuallyHidden } from '@mantine/core';
import { useMemo } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { shadeOf } from '../utils/shades';
import type { CoordinatorPicture } from './types';

/**
 * Which pairs of organisations overlap, as a heat map. A matrix (a row header
 * per organisation, a column per organisation), so not a DataTable: its
 * headers are names, not messages.
 */
export function OverlapMatrix({ picture }: { picture: CoordinatorPicture }) {
  const intl = useIntl();
  const cells = useMemo(() => {
    const map = new Map<string, number>();
    for (const c of picture.matrix) {
      map.set(`${c.a}/${c.b}`, c.overlaps);
      map.set(`${c.b}/${c.a}`, c.overlaps);
    }
    return map;
  }, [picture.matrix]);
  const max = Math.max(0, ...picture.matrix.map((c) => c.overlaps));

  if (picture.organisations.length < 2) {
    return (
      <Text>
        <FormattedMessage id="dashboard.matrixEmpty" />
      </Text>
    );
  }
  return (
    <Table.ScrollContainer minWidth={200 + 120 * picture.organisations.length}>
      <Table withTableBorder withColumnBorders data-testid="overlap-matrix">
        <caption>
          <VisuallyHidden>
            <FormattedMessage id="dashboard.matrixCaption" />
          </VisuallyHidden>
        </caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Td />
            {picture.organisations.map((o) => (
              <Table.Th key={o.id} scope="col">
                <bdi>{o.name}</bdi>
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {picture.organisations.map((row) => (
            <Table.Tr key={row.id}>
              <Table.Th scope="row">
                <bdi>{row.name}</bdi>
                <Text size="xs" c="dimmed">
                  <FormattedMessage id="dashboard.caseCount" values={{ count: row.cases }} />
                </Text>
              </Table.Th>
              {picture.organisations.map((col) => {
                if (col.id === row.id) {
                  return (
                    <Table.Td key={col.id} ta="center" c="dimmed">
                      <span aria-hidden="true">—</span>
                      <VisuallyHidden>
                        <FormattedMessage id="dashboard.sameOrganisation" />
                      </VisuallyHidden>
                    </Table.Td>
                  );
                }
                const value = cells.get(`${row.id}/${col.id}`) ?? 0;
                const shade = shadeOf(value, max);
                return (
                  <Table.Td
                    key={col.id}
                    ta="center"
                    fw={value > 0 ? 700 : 400}
                    style={
                      shade ? { backgroundColor: shade.background, color: shade.color } : undefined
                    }
                    data-testid="matrix-cell"
                    data-a={row.id}
                    data-b={col.id}
                    data-row={row.name}
                    data-col={col.name}
                    data-value={value}
                  >
                    {intl.formatNumber(value)}
                  </Table.Td>
                );
              })}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
