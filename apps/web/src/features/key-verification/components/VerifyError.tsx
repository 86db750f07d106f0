import { Alert, Text } from '@mantine/core';
import { CertifyError } from '@parallax/hub-client';
import { FormattedMessage } from 'react-intl';
import { hubErrorMessageId } from '../../../hub/hub-request';
import { AlertIcon } from '../../../ui/icons';

/** Why a verification did not go through (the hub refused the certificate, the connection dropped…). */
export function VerifyError({ error }: { error: unknown }) {
  if (error === null || error === undefined) return null;
  return (
    <Alert color="red" variant="light" icon={<AlertIcon />} role="alert" data-testid="verify-error">
      <Text size="sm">
        <FormattedMessage
          id={error instanceof CertifyError ? 'verify.unlockFirst' : hubErrorMessageId(error)}
        />
      </Text>
    </Alert>
  );
}
