import { Alert, Text } from '@mantine/core';
import { FormattedMessage } from 'react-intl';
import { AlertIcon } from '../../../ui/icons';
import { useAuditCheckpoint } from '../hooks/useAuditCheckpoint';

/**
 * What this browser's own check of the hub's history found: the hub cannot
 * rewrite its audit log without every member holding an older signed
 * checkpoint seeing this alert.
 */
export function CheckpointBanner() {
  const check = useAuditCheckpoint();
  if (!check) return null;
  if (check.ok) {
    return check.keep ? (
      <Text size="sm" c="dimmed" data-testid="checkpoint-status" data-ok="true">
        <FormattedMessage id="audit.checkpointKept" values={{ seq: check.keep.checkpoint.seq }} />
      </Text>
    ) : null;
  }
  return (
    <Alert
      color="red"
      variant="filled"
      icon={<AlertIcon />}
      role="alert"
      data-testid="checkpoint-status"
      data-ok="false"
      data-problem={check.problem}
    >
      <FormattedMessage
        id="audit.checkpointProblem"
        values={{ problem: check.problem, seq: check.keep?.checkpoint.seq ?? '?' }}
      />
    </Alert>
  );
}
