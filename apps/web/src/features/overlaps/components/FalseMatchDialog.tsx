import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';

/** Asks why a match is false before recording the verdict (the reason is required). */
export function FalseMatchDialog({
  opened,
  onClose,
  onSubmit,
  busy,
}: {
  opened: boolean;
  onClose: () => void;
  onSubmit: (reason: string) => Promise<boolean>;
  busy: boolean;
}) {
  const intl = useIntl();
  const [reason, setReason] = useState('');
  const [attempted, setAttempted] = useState(false);
  const close = () => {
    setReason('');
    setAttempted(false);
    onClose();
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setAttempted(true);
    if (!reason.trim()) return;
    if (await onSubmit(reason.trim())) close();
  };
  return (
    <Modal
      opened={opened}
      onClose={close}
      title={intl.formatMessage({ id: 'overlap.falseMatchTitle' })}
      centered
      closeButtonProps={{ 'aria-label': intl.formatMessage({ id: 'action.close' }) }}
    >
      <form onSubmit={(event) => void submit(event)} noValidate data-testid="false-match-form">
        <Stack gap="md">
          <Text size="sm">
            <FormattedMessage id="overlap.falseMatchBody" />
          </Text>
          <Textarea
            label={intl.formatMessage({ id: 'overlap.reason' })}
            value={reason}
            onChange={(event) => setReason(event.currentTarget.value)}
            error={
              attempted && !reason.trim()
                ? intl.formatMessage({ id: 'overlap.reasonRequired' })
                : undefined
            }
            autosize
            minRows={2}
            maxLength={500}
            required
            data-autofocus
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              <FormattedMessage id="action.cancel" />
            </Button>
            <Button type="submit" loading={busy}>
              <FormattedMessage id="overlap.markFalseMatch" />
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
