import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { safetyNumber, safetyNumberQr, type KeyBundle } from '@parallax/identity';
import { useMemo, type ReactNode } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { AlertIcon } from '../../../ui/icons';
import { SafetyNumber } from './SafetyNumber';

export interface VerifyDialogProps {
  opened: boolean;
  onClose: () => void;
  /** The viewer's own keys, from the private keys on this device. */
  me: KeyBundle;
  /** The other person's keys as the hub lists them: what the check is about. */
  other: KeyBundle;
  name: string;
  /** "The numbers match": certify, or pin (the dialog closes when it resolves true). */
  onMatch: () => Promise<boolean>;
  busy?: boolean;
  /** A failure to show under the number (certifying went wrong). */
  error?: ReactNode;
}

/**
 * The safety-number check between the viewer and one other person: both
 * devices show the same 30 digits (and QR code) only if each holds the
 * other's real keys. Only the person can confirm, after comparing out of band.
 */
export function VerifyDialog({
  opened,
  onClose,
  me,
  other,
  name,
  onMatch,
  busy,
  error,
}: VerifyDialogProps) {
  const intl = useIntl();
  // 5,200 SHA-512 rounds per side: computed once per pair of keys, only while open.
  const number = useMemo(
    () => (opened ? { digits: safetyNumber(me, other), qr: safetyNumberQr(me, other) } : null),
    [opened, me, other],
  );
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={intl.formatMessage({ id: 'verify.dialogTitle' }, { name })}
      size="lg"
      centered
      closeButtonProps={{ 'aria-label': intl.formatMessage({ id: 'action.close' }) }}
    >
      {number && (
        <Stack gap="md" data-testid="verify-dialog" data-subject={other.userId}>
          <Text size="sm" fw={500} data-testid="verify-why">
            <FormattedMessage id="verify.why" values={{ name: <bdi>{name}</bdi> }} />
          </Text>
          <Text size="sm">
            <FormattedMessage id="verify.instructions" />
          </Text>
          <SafetyNumber safetyNumber={number.digits} qrText={number.qr} />
          <Alert color="orange" variant="light" icon={<AlertIcon />}>
            <Text size="sm">
              <FormattedMessage id="verify.differWarning" />
            </Text>
          </Alert>
          {error}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose} data-autofocus data-testid="verify-differ">
              <FormattedMessage id="verify.differ" />
            </Button>
            <Button
              color="teal"
              loading={busy}
              onClick={() => void onMatch().then((done) => done && onClose())}
              data-testid="verify-match"
            >
              <FormattedMessage id="verify.match" />
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
