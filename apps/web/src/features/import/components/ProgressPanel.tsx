import { Button, Group, Paper, Progress, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { remainingEstimate } from '@parallax/hub-client';
import { FormattedMessage, useIntl } from 'react-intl';
import { Link } from 'react-router';
import { importTallies, type ImportState } from '../hooks/import-state';
import { formatDurationRange } from '../utils/duration';
import { RunOutcome } from './RunOutcome';
import { Stat } from './Stat';

interface Props {
  state: ImportState;
  onStop: () => void;
  onContinue: () => void;
  /** Keys unlocked, group key open, rows screened: continuing would otherwise do nothing. */
  canContinue: boolean;
  onReceipt: () => void;
  onReset: () => void;
}

/**
 * The import running or ended: progress, counts, time left, outcome and what
 * can be done next. Records not sent yet are "waiting", never counted as
 * not registered.
 */
export function ProgressPanel({
  state,
  onStop,
  onContinue,
  canContinue,
  onReceipt,
  onReset,
}: Props) {
  const intl = useIntl();
  const { total } = state;
  const running = state.phase === 'running';
  const ended = !running;
  const hasReceipt = ended && state.receipt.length > 0;
  const tallies = importTallies(state);
  const left =
    running && state.run
      ? remainingEstimate({
          total,
          from: state.run.from,
          done: state.next,
          elapsedMs: state.run.lastAt - state.run.startedAt,
        })
      : null;
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
        {left && (
          <Text size="sm" data-testid="import-time-left">
            <FormattedMessage
              id="import.timeLeft"
              values={{ range: formatDurationRange(intl, left) }}
            />
          </Text>
        )}
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
        <SimpleGrid cols={{ base: 2, sm: 3, md: 5 }} data-testid="import-summary">
          <Stat label="import.created" value={tallies.created} testId="import-created" />
          <Stat label="import.existing" value={tallies.existing} testId="import-existing" />
          <Stat label="import.waiting" value={tallies.waiting} testId="import-waiting" />
          <Stat label="import.failed" value={tallies.failed} testId="import-failed" />
          {tallies.skippedDuplicates > 0 && (
            <Stat
              label="import.skippedDuplicates"
              value={tallies.skippedDuplicates}
              testId="import-skipped-duplicates"
            />
          )}
        </SimpleGrid>
        <Text size="xs" c="dimmed">
          <FormattedMessage id="import.failedHint" />
        </Text>
        <RunOutcome state={state} />
        <Group gap="sm">
          {running && (
            <Button variant="default" onClick={onStop}>
              <FormattedMessage id="import.stop" />
            </Button>
          )}
          {ended && state.next < total && (
            <Button onClick={onContinue} disabled={!canContinue} data-testid="import-continue">
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
