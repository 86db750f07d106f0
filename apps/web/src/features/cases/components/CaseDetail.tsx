import { Stack, Title } from '@mantine/core';
import { useMemo } from 'react';
import { FormattedMessage } from 'react-intl';
import type { CaseDetailQuery } from '../../../gql/graphql';
import { useViewer } from '../../auth/hooks/session';
import { fingerprintingGroups } from '../../group-keys/utils/eligibility';
import { CaseOverlapGroups } from '../../overlaps/components/CaseOverlapGroups';
import { CaseFacts } from './CaseFacts';
import { CaseHeader } from './CaseHeader';
import { RefingerprintPanel } from './RefingerprintPanel';

/** One case: its label, tags and counts, what to do if the key was rotated, and its overlaps. */
export function CaseDetail({
  data: { case: c },
  onChanged,
}: {
  data: CaseDetailQuery;
  onChanged: () => void;
}) {
  const viewer = useViewer();
  const actingGroups = useMemo(() => new Set(fingerprintingGroups(viewer.actor)), [viewer]);
  const mayAct = actingGroups.has(c.workingGroupId);
  return (
    <Stack gap="xl">
      <CaseHeader kase={c} mayAct={mayAct} onChanged={onChanged} />
      <CaseFacts kase={c} />
      {c.needsRefingerprint && !c.withdrawnAt && (
        <RefingerprintPanel kase={c} mayAct={mayAct} onDone={onChanged} />
      )}
      <Stack gap="sm" component="section" aria-labelledby="case-overlaps-title">
        <Title order={2} size="h3" id="case-overlaps-title">
          <FormattedMessage id="cases.overlapsTitle" />
        </Title>
        <CaseOverlapGroups caseId={c.id} actingGroups={actingGroups} onChanged={onChanged} />
      </Stack>
    </Stack>
  );
}
