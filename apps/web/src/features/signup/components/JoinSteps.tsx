import { Button, Paper, Stack } from '@mantine/core';
import { useState } from 'react';
import { FormattedMessage } from 'react-intl';
import { StartSignUpDocument, type InvitationPreviewQuery } from '../../../gql/graphql';
import { useAction } from '../../../graphql/use-action';
import { ActionError } from '../../../ui/ActionError';
import { ForwardIcon } from '../../../ui/icons';
import { InvitationSummary } from './InvitationSummary';
import { SignUpForm } from './SignUpForm';

type Preview = InvitationPreviewQuery['invitationPreview'];

/** The invitation's summary, then (once started) the sign-up form with its authenticator secret. */
export function JoinSteps({
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
