import { Alert, Button, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useParams } from 'react-router';
import { useQuery } from 'urql';
import { useSession } from '../../features/auth/hooks/session';
import {
  InvitationPreviewDocument,
  StartSignUpDocument,
  type InvitationPreviewQuery,
} from '../../gql/graphql';
import { errorCode } from '../../graphql/errors';
import { useAction } from '../../graphql/use-action';
import { usePageTitle } from '../../shell/usePageTitle';
import { ActionError } from '../../ui/ActionError';
import { formatDateTime } from '../../ui/format';
import { AlertIcon, ForwardIcon } from '../../ui/icons';
import { QueryStatus } from '../../ui/QueryStatus';
import { SignUpForm } from '../../features/signup/components/SignUpForm';

type Preview = InvitationPreviewQuery['invitationPreview'];

/** /join/:token — the invitation link. Works signed out. */
export function JoinPage() {
  usePageTitle('signup.title');
  const { token = '' } = useParams();
  const { state, viewer } = useSession();
  // Set when this page signed the user up: from then on, the new session is theirs.
  const [completed, setCompleted] = useState(false);
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: InvitationPreviewDocument,
    variables: { token },
    requestPolicy: 'network-only',
  });
  const invalid = errorCode(error) === 'NOT_FOUND' || errorCode(error) === 'BAD_USER_INPUT';

  return (
    <Stack gap="md" maw={640} data-testid="join-page">
      <Title order={1}>
        <FormattedMessage id="signup.title" />
      </Title>
      {state.status === 'loading' ? null : viewer && !completed ? (
        <Alert color="yellow" variant="light" icon={<AlertIcon />}>
          <FormattedMessage
            id="signup.alreadySignedIn"
            values={{ name: <bdi>{viewer.user.displayName}</bdi> }}
          />
        </Alert>
      ) : invalid ? (
        <Alert
          color="red"
          variant="light"
          icon={<AlertIcon />}
          role="alert"
          data-testid="invitation-invalid"
        >
          <FormattedMessage id="signup.invalidLink" />
        </Alert>
      ) : (
        <QueryStatus
          data={data}
          fetching={fetching}
          error={error}
          onRetry={() => reexecute({ requestPolicy: 'network-only' })}
        >
          {({ invitationPreview }) => (
            <JoinSteps
              token={token}
              preview={invitationPreview}
              onCompleted={() => setCompleted(true)}
            />
          )}
        </QueryStatus>
      )}
    </Stack>
  );
}

function JoinSteps({
  token,
  preview,
  onCompleted,
}: {
  token: string;
  preview: Preview;
  onCompleted: () => void;
}) {
  const start = useAction(StartSignUpDocument);
  const [enrolment, setEnrolment] = useState<{ totpSecret: string; otpauthUri: string } | null>(
    null,
  );

  if (enrolment) {
    return (
      <Paper withBorder p="lg">
        <SignUpForm
          token={token}
          invitedEmail={preview.email}
          onCompleted={onCompleted}
          {...enrolment}
        />
      </Paper>
    );
  }
  const begin = async () => {
    const result = await start.run({ token });
    if (result.data) setEnrolment(result.data.startSignUp);
  };
  return (
    <Stack gap="md">
      <InvitationSummary preview={preview} />
      <ActionError error={start.error} onRetry={() => void begin()} />
      <Button
        onClick={() => void begin()}
        loading={start.fetching}
        rightSection={<ForwardIcon />}
        style={{ alignSelf: 'flex-start' }}
        data-testid="start-sign-up"
      >
        <FormattedMessage id={preview.purpose === 'reset' ? 'signup.startReset' : 'signup.start'} />
      </Button>
    </Stack>
  );
}

function InvitationSummary({ preview }: { preview: Preview }) {
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
