import { Button, Group, Text } from '@mantine/core';
import type { CombinedError } from '@urql/core';
import { FormattedMessage } from 'react-intl';
import { errorMessageId } from '../../../graphql/errors';
import type { useAuditExport } from '../hooks/useAuditExport';
import { AUDIT_EXPORT_CAP } from '../utils/audit-csv';

/** "Export CSV" and what the export did: its progress, its size, and whether it stopped at the cap. */
export function AuditExport({
  exporter,
  disabled,
}: {
  exporter: ReturnType<typeof useAuditExport>;
  disabled: boolean;
}) {
  const { state, run } = exporter;
  const running = state.phase === 'running';
  return (
    <Group gap="sm" align="center" wrap="wrap">
      <Button
        variant="default"
        onClick={() => void run()}
        loading={running}
        disabled={disabled}
        data-testid="audit-export"
      >
        <FormattedMessage id="audit.export" />
      </Button>
      <Text
        size="sm"
        c={state.phase === 'failed' ? 'red' : 'dimmed'}
        aria-live="polite"
        data-testid="audit-export-status"
      >
        {running && state.total !== null && (
          <FormattedMessage
            id="audit.exporting"
            values={{ done: state.done, total: Math.min(state.total, AUDIT_EXPORT_CAP) }}
          />
        )}
        {state.phase === 'done' &&
          (state.capped ? (
            <FormattedMessage
              id="audit.exportCapped"
              values={{ rows: state.rows, total: state.total }}
            />
          ) : (
            <FormattedMessage id="audit.exported" values={{ rows: state.rows }} />
          ))}
        {state.phase === 'failed' && (
          <FormattedMessage id={errorMessageId(state.error as CombinedError)} />
        )}
      </Text>
    </Group>
  );
}
