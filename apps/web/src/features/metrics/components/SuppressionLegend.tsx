import { Text } from '@mantine/core';
import { FormattedMessage } from 'react-intl';
import { SUPPRESSED_MARK } from '../utils/format';

/** What "—" and a gap in a chart mean: a number hidden to protect small counts. */
export function SuppressionLegend() {
  return (
    <Text size="sm" data-testid="metrics-suppressed-legend">
      <Text span fw={700} me={6} aria-hidden>
        {SUPPRESSED_MARK}
      </Text>
      <FormattedMessage id="metrics.suppressedLegend" />
    </Text>
  );
}
