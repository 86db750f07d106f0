import { Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { CaseFieldsFragment } from '../../../gql/graphql';
import type { MessageId } from '../../../i18n/messages';
import { formatDateTime } from '../../../ui/format';
import { useWorkingGroups } from '../../working-groups/hooks/useWorkingGroups';
import { statusLabel, tagsText } from '../utils/labels';

function Fact({ label, children }: { label: MessageId; children: ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="sm" c="dimmed">
        <FormattedMessage id={label} />
      </Text>
      <Text>{children}</Text>
    </Stack>
  );
}

/** A case's working group, status, tags and counts (never an identifier). */
export function CaseFacts({ kase: c }: { kase: CaseFieldsFragment }) {
  const intl = useIntl();
  const groups = useWorkingGroups();
  return (
    <Paper withBorder p="md">
      <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="md">
        <Fact label="cases.workingGroup">
          <bdi>{groups.names.get(c.workingGroupId) ?? '—'}</bdi>
        </Fact>
        <Fact label="cases.status">{statusLabel(intl, c.status)}</Fact>
        <Fact label="cases.tags">{tagsText(intl, c.situationTags, c.crimeTags)}</Fact>
        <Fact label="cases.fingerprints">
          <span data-testid="case-fingerprint-count">{intl.formatNumber(c.fingerprintCount)}</span>
        </Fact>
        <Fact label="cases.keyEpoch">{intl.formatNumber(c.epoch)}</Fact>
        <Fact label="cases.registeredAt">{formatDateTime(intl, c.createdAt)}</Fact>
      </SimpleGrid>
    </Paper>
  );
}
