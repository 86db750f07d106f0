import { Alert, Stack, Title } from '@mantine/core';
import { useState } from 'react';
import { FormattedMessage } from 'react-intl';
import { useParams } from 'react-router';
import { useQuery } from 'urql';
import { useSession } from '../../features/auth/hooks/session';
import { JoinSteps } from '../../features/signup/components/JoinSteps';
import { InvitationPreviewDocument } from '../../gql/graphql';
import { errorCode } from '../../graphql/errors';
import { usePageTitle } from '../../shell/usePageTitle';
import { AlertIcon } from '../../ui/icons';
import { QueryStatus } from '../../ui/QueryStatus';

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
