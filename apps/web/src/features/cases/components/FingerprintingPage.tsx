import { Alert, Anchor, Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { FormattedMessage } from 'react-intl';
import { Link } from 'react-router';
import type { MessageId } from '../../../i18n/messages';
import { usePageTitle } from '../../../shell/usePageTitle';
import { QueryStatus } from '../../../ui/QueryStatus';
import { BackIcon, LockIcon } from '../../../ui/icons';
import { useWorkingGroups } from '../../working-groups/hooks/useWorkingGroups';

interface Props {
  titleId: MessageId;
  privacyId: MessageId;
  maw: number;
  testId: string;
  /** The form, given the groups the user fingerprints for (never empty). */
  children: (groups: Array<{ id: string; name: string }>) => ReactNode;
}

/**
 * The frame shared by the pages that fingerprint on this device (register a
 * case, import a file): back link, title, the privacy promise, and the
 * working groups the user may fingerprint for.
 */
export function FingerprintingPage({ titleId, privacyId, maw, testId, children }: Props) {
  usePageTitle(titleId);
  const groups = useWorkingGroups();
  return (
    <Stack gap="lg" maw={maw} data-testid={testId}>
      <Anchor component={Link} to="/cases" size="sm">
        <Group gap={4} wrap="nowrap">
          <BackIcon size={16} />
          <FormattedMessage id="cases.back" />
        </Group>
      </Anchor>
      <Title order={1}>
        <FormattedMessage id={titleId} />
      </Title>
      <Alert color="blue" variant="light" icon={<LockIcon />} role="note">
        <Text size="sm">
          <FormattedMessage id={privacyId} />
        </Text>
      </Alert>
      <QueryStatus
        data={groups.loaded ? groups : undefined}
        fetching={groups.fetching}
        error={groups.error}
        onRetry={groups.refresh}
      >
        {({ fingerprinting }) =>
          fingerprinting.length === 0 ? (
            <Text>
              <FormattedMessage id="cases.noGroups" />
            </Text>
          ) : (
            children(fingerprinting)
          )
        }
      </QueryStatus>
    </Stack>
  );
}
