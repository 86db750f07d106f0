import { Stack, Text, Title } from '@mantine/core';
import { notifiedStrengths, OVERLAP_STRENGTHS } from '@parallax/domain';
import { useMemo } from 'react';
import { FormattedMessage } from 'react-intl';
import type { OverlapStrength } from '../../../gql/graphql';
import { useViewer } from '../../auth/hooks/session';
import {
  ASSUMED_ALERT_LEVEL,
  useOverlapAlertLevel,
} from '../../organisation/hooks/useOverlapAlertLevel';
import type { OverlapFilterVariables } from '../hooks/useOverlapFilter';
import { CaseOverlapList } from './CaseOverlapList';

const ALL: OverlapFilterVariables = {
  strengths: null,
  verdicts: null,
  statuses: null,
  createdFrom: null,
  createdTo: null,
  search: null,
};

/**
 * A case's overlaps on its page, in two groups: those at or above the
 * organisation's alert level (it was notified of them), then, set apart,
 * those below it — listed for whoever wants to look, never notified (mostly
 * "possible" matches, often namesakes). At the level "possible", one list.
 */
export function CaseOverlapGroups({
  caseId,
  actingGroups,
  onChanged,
}: {
  caseId: string;
  actingGroups: ReadonlySet<string>;
  onChanged?: () => void;
}) {
  const viewer = useViewer();
  const level = useOverlapAlertLevel(viewer.organisation?.id ?? null) ?? ASSUMED_ALERT_LEVEL;
  const { alerted, quiet } = useMemo(() => {
    const notified: OverlapStrength[] = notifiedStrengths(level);
    const below: OverlapStrength[] = OVERLAP_STRENGTHS.filter((s) => !notified.includes(s));
    return {
      alerted: { ...ALL, strengths: below.length > 0 ? notified : null },
      quiet: below.length > 0 ? { ...ALL, strengths: below } : null,
    };
  }, [level]);

  return (
    <Stack gap="lg">
      <CaseOverlapList
        caseId={caseId}
        filter={alerted}
        actingGroups={actingGroups}
        poll
        onChanged={onChanged}
        empty={
          quiet === null ? undefined : (
            <Text data-testid="case-no-overlaps">
              <FormattedMessage id="cases.noAlertedOverlaps" />
            </Text>
          )
        }
      />
      {quiet && (
        <CaseOverlapList
          caseId={caseId}
          filter={quiet}
          actingGroups={actingGroups}
          poll
          onChanged={onChanged}
          empty={null}
          testId="case-quiet-overlaps"
          header={
            <Stack
              gap={4}
              ps="sm"
              style={{ borderInlineStart: '4px solid var(--mantine-color-gray-4)' }}
            >
              <Title order={3} size="h4">
                <FormattedMessage
                  id={
                    quiet.strengths?.length === 1
                      ? 'cases.quietOverlapsTitle'
                      : 'cases.belowLevelOverlapsTitle'
                  }
                />
              </Title>
              <Text size="sm" c="dimmed">
                <FormattedMessage id="cases.quietOverlapsIntro" />
              </Text>
            </Stack>
          }
        />
      )}
    </Stack>
  );
}
