import { Button, Group, Paper, Progress, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { FormattedMessage, useIntl } from 'react-intl';
import { Link } from 'react-router';
import type { ImportState } from '../hooks/import-state';
import { RunOutcome } from './RunOutcome';
import { Stat } from './Stat';

interface Props {
  state: ImportState;
  total: number;
  onStop: () => void;
  onContinue: () => void;
  onReceipt: () => void;
  onReset: () => void;
}

/** The import running or ended: progress, counts, outcome and what can be done next. */
export function ProgressPanel({ state, total, onStop, onContinue, onReceipt, onReset }: Props) {
  const intl = useIntl();
  const running = state.phase === 'running';
  const ended = !running;
  const hasReceipt = ended && state.receipt.length > 0;
  return (
    <Paper withBorder p="md" data-testid="import-progress">
      <Stack gap="sm">
        <Title order={2} size="h3">
          <FormattedMessage id={running ? 'import.running' : 'import.summary'} />
        </Title>
        <Progress
          value={total === 0 ? 100 : Math.round((state.next / total) * 100)}
          animated={running}
          aria-label={intl.formatMessage({ id: 'cases.progressLabel' })}
        />
        <Text size="sm" role="status">
          <FormattedMessage
            id="import.position"
            values={{
              done: intl.formatNumber(running ? state.position : state.next),
              total: intl.formatNumber(total),
            }}
          />
        </Text>
        {state.budget && (
          <Text size="sm" c="dimmed">
            <FormattedMessage
              id="import.budget"
              values={{
                used: intl.formatNumber(state.budget.used),
                allowed: intl.formatNumber(state.budget.allowed),
              }}
            />
          </Text>
        )}
        <SimpleGrid cols={{ base: 1, sm: 3 }} data-testid="import-summary">
          <Stat label="import.created" value={state.counts.created} testId="import-created" />
          <Stat label="import.existing" value={state.counts.existing} testId="import-existing" />
          <Stat
            label="import.failed"
            value={state.counts.withoutKeys + (total - state.next)}
            testId="import-failed"
          />
        </SimpleGrid>
        <RunOutcome state={state} />
        <Group gap="sm">
          {running && (
            <Button variant="default" onClick={onStop}>
              <FormattedMessage id="import.stop" />
            </Button>
          )}
          {ended && state.next < total && (
            <Button onClick={onContinue}>
              <FormattedMessage id="import.continue" />
            </Button>
          )}
          {hasReceipt && (
            <Button variant="default" onClick={onReceipt}>
              <FormattedMessage id="import.receipt" />
            </Button>
          )}
          {ended && (
            <Button variant="subtle" onClick={onReset}>
              <FormattedMessage id="import.another" />
            </Button>
          )}
          {ended && (
            <Button component={Link} to="/cases" variant="subtle">
              <FormattedMessage id="import.toCases" />
            </Button>
          )}
        </Group>
        {hasReceipt && (
          <Text size="xs" c="dimmed">
            <FormattedMessage id="import.receiptHint" />
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
