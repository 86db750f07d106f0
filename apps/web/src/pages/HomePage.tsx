import { List, Stack, Text, Title } from '@mantine/core';
import { SUPPORTED_LOCALES } from '@parallax/domain';
import { FormattedMessage } from 'react-intl';
import type { MessageId } from '../i18n/messages';
import { usePageTitle } from '../shell/usePageTitle';
import { isDonorAccount } from '../shell/navigation';
import { useSession } from '../features/auth/hooks/session';
import { DonorHome } from '../features/metrics/components/DonorHome';
import { PendingGroupInvitations } from '../features/organisation/components/PendingGroupInvitations';

const CAPABILITIES: readonly MessageId[] = [
  'home.cases',
  'home.overlaps',
  'home.leads',
  'home.coordination',
];

export function HomePage() {
  usePageTitle('nav.home');
  const { viewer } = useSession();
  // A donor has no cases, invitations or members here: their groups' published numbers instead.
  if (viewer && isDonorAccount(viewer.actor)) return <DonorHome />;
  return (
    <Stack gap="md" maw={760}>
      <PendingGroupInvitations />
      <Title order={1}>
        <FormattedMessage id="home.title" />
      </Title>
      <Text size="lg">
        <FormattedMessage id="home.intro" />
      </Text>
      <Title order={2} size="h3">
        <FormattedMessage id="home.whatYouCanDo" />
      </Title>
      <List spacing="xs">
        {CAPABILITIES.map((id) => (
          <List.Item key={id}>
            <FormattedMessage id={id} />
          </List.Item>
        ))}
      </List>
      <Text c="dimmed" data-testid="languages-count">
        <FormattedMessage id="home.languages" values={{ count: SUPPORTED_LOCALES.length }} />
      </Text>
    </Stack>
  );
}
