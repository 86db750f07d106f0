import { Paper, Stack, Text } from '@mantine/core';
import { FormattedMessage, useIntl } from 'react-intl';
import type { InvitationPreviewQuery } from '../../../gql/graphql';
import { formatDateTime } from '../../../ui/format';

type Preview = InvitationPreviewQuery['invitationPreview'];

/** What the invitation is for (organisation, role, expiry), before signing up. */
export function InvitationSummary({ preview }: { preview: Preview }) {
  const intl = useIntl();
  const values = {
    organisation: <bdi>{preview.organisationName}</bdi>,
    role: intl.formatMessage({ id: `role.${preview.role}` }),
    expires: formatDateTime(intl, preview.expiresAt),
  };
  return (
    <Paper withBorder p="lg" data-testid="invitation-summary">
      <Stack gap="xs">
        <Text>
          <FormattedMessage
            id={preview.purpose === 'reset' ? 'signup.resetSummary' : 'signup.summary'}
            values={values}
          />
        </Text>
        {preview.coordinatorOfWorkingGroupName && (
          <Text>
            <FormattedMessage
              id="signup.coordinatorOf"
              values={{ group: <bdi>{preview.coordinatorOfWorkingGroupName}</bdi> }}
            />
          </Text>
        )}
        <Text size="sm" c="dimmed">
          <FormattedMessage id="signup.expires" values={{ expires: values.expires }} />
        </Text>
        <Text size="sm">
          <FormattedMessage id="signup.privacy" />
        </Text>
      </Stack>
    </Paper>
  );
}
