import { Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useCallback, useMemo, type ReactNode } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { MessageId } from '../../../i18n/messages';
import { AgeingTable } from './AgeingTable';
import { ClustersSection } from './ClustersSection';
import { OverlapMatrix } from './OverlapMatrix';
import type { CoordinatorPicture } from './types';

function Stat({ label, value, testId }: { label: MessageId; value: number; testId?: string }) {
  const intl = useIntl();
  return (
    <Paper withBorder p="md">
      <Text size="sm" c="dimmed">
        <FormattedMessage id={label} />
      </Text>
      <Text fz="xl" fw={700} data-testid={testId}>
        {intl.formatNumber(value)}
      </Text>
    </Paper>
  );
}

function Section({
  id,
  title,
  intro,
  children,
}: {
  id: string;
  title: MessageId;
  intro?: MessageId;
  children: ReactNode;
}) {
  return (
    <Stack gap="sm" component="section" aria-labelledby={id}>
      <Title order={2} size="h3" id={id}>
        <FormattedMessage id={title} />
      </Title>
      {intro && (
        <Text size="sm">
          <FormattedMessage id={intro} />
        </Text>
      )}
      {children}
    </Stack>
  );
}

/**
 * A coordinator's picture of duplicated effort in one working group:
 * clusters (one suspect tracked by several organisations), which pairs of
 * organisations overlap, and how long overlaps stay unresolved. Aggregates
 * only: never a case reference nor an identifier.
 */
export function CoordinatorPictureView({ picture }: { picture: CoordinatorPicture }) {
  const intl = useIntl();
  const names = useMemo(
    () => new Map(picture.organisations.map((o) => [o.id, o.name])),
    [picture.organisations],
  );
  const orgName = useCallback(
    (orgId: string) => names.get(orgId) ?? intl.formatMessage({ id: 'dashboard.formerMember' }),
    [names, intl],
  );
  const open = picture.ageing.reduce((sum, b) => sum + b.count, 0);

  return (
    <Stack gap="xl">
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
        <Stat
          label="dashboard.clusters"
          value={picture.clusters.length}
          testId="dashboard-cluster-count"
        />
        <Stat label="dashboard.unresolved" value={open} />
        <Stat label="dashboard.organisations" value={picture.organisations.length} />
      </SimpleGrid>
      <Section id="clusters-title" title="dashboard.clustersTitle" intro="dashboard.clustersIntro">
        <ClustersSection picture={picture} orgName={orgName} />
      </Section>
      <Section id="matrix-title" title="dashboard.matrixTitle" intro="dashboard.matrixIntro">
        <OverlapMatrix picture={picture} />
      </Section>
      <Section id="ageing-title" title="dashboard.ageingTitle">
        <AgeingTable ageing={picture.ageing} />
      </Section>
    </Stack>
  );
}
