import { Button, Stack, Text, Title } from '@mantine/core';
import { FormattedMessage } from 'react-intl';
import { Link } from 'react-router';
import { usePageTitle } from '../shell/usePageTitle';

export function NotFoundPage() {
  usePageTitle('notFound.title');
  return (
    <Stack gap="md" maw={760} align="flex-start" data-testid="not-found">
      <Title order={1}>
        <FormattedMessage id="notFound.title" />
      </Title>
      <Text>
        <FormattedMessage id="notFound.body" />
      </Text>
      <Button component={Link} to="/">
        <FormattedMessage id="notFound.home" />
      </Button>
    </Stack>
  );
}
