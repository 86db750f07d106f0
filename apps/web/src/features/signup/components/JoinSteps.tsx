import { Button, Paper, Stack } from '@mantine/core';
import { useState } from 'react';
import { FormattedMessage } from 'react-intl';
import { bytesToBase64 } from '../../../crypto/base64';
import { StartSignUpDocument, type InvitationPreviewQuery } from '../../../gql/graphql';
import { useAction } from '../../../graphql/use-action';
import { ActionError } from '../../../ui/ActionError';
import { ForwardIcon } from '../../../ui/icons';
import { InvitationSummary } from './InvitationSummary';
import { SignUpForm } from './SignUpForm';

type Preview = InvitationPreviewQuery['invitationPreview'];

/**
 * A one-time value for this sign-up attempt, kept in this page only: the hub
 * gives the authenticator secret to the attempt holding it, and the sign-up
 * completes only with it, so whoever else opens the link (the inviter can)
 * never sees the secret this account ends up with.
 */
const newAttempt = (): string => bytesToBase64(crypto.getRandomValues(new Uint8Array(32)));

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
  const [attempt] = useState(newAttempt);
  const [enrolment, setEnrolment] = useState<{ totpSecret: string; otpauthUri: string } | null>(
    null,
  );

  if (enrolment) {
    return (
      <Paper withBorder p="lg">
        <SignUpForm
          token={token}
          signUpAttempt={attempt}
          invitedEmail={preview.email}
          onCompleted={onCompleted}
          {...enrolment}
        />
      </Paper>
    );
  }
  const begin = async () => {
    const result = await start.run({ token, attempt });
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
