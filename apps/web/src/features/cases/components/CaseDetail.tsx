import { Stack, Text, Title } from '@mantine/core';
import { FormattedMessage } from 'react-intl';
import type { CaseDetailQuery } from '../../../gql/graphql';
import { useViewer } from '../../auth/hooks/session';
import { fingerprintingGroups } from '../../group-keys/utils/eligibility';
import { OverlapCard } from '../../overlaps/components/OverlapCard';
import { CaseFacts } from './CaseFacts';
import { CaseHeader } from './CaseHeader';
import { RefingerprintPanel } from './RefingerprintPanel';

/** One case: its label, tags and counts, what to do if the key was rotated, and its overlaps. */
export function CaseDetail({
  data: { case: c, overlaps },
  onChanged,
}: {
  data: CaseDetailQuery;
  onChanged: () => void;
}) {
  const viewer = useViewer();
  const mayAct = fingerprintingGroups(viewer.actor).includes(c.workingGroupId);
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
        {overlaps.length === 0 ? (
          <Text data-testid="case-no-overlaps">
            <FormattedMessage id="cases.noOverlaps" />
          </Text>
        ) : (
          overlaps.map((o) => (
            <OverlapCard key={o.id} overlap={o} mayAct={mayAct} onChanged={onChanged} />
          ))
        )}
      </Stack>
    </Stack>
  );
}
