import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState, type FormEvent, type ReactNode } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { MessageId } from '../../../../i18n/messages';

/**
 * Asks for the free text of an action (a rejection's reason, a comment, a
 * reopening's reason) before sending it; the text is sealed on this device.
 */
export function NoteDialog({
  opened,
  title,
  body,
  label,
  submitLabel,
  required,
  busy,
  problem,
  alert,
  onClose,
  onSubmit,
}: {
  opened: boolean;
  title: MessageId;
  body?: ReactNode;
  label: MessageId;
  submitLabel: MessageId;
  required: boolean;
  busy: boolean;
  /** Why the text could not be sealed (keys locked…), shown in the dialog. */
  problem?: MessageId | null;
  /** The API's refusal, if the last attempt failed. */
  alert?: ReactNode;
  onClose: () => void;
  onSubmit: (text: string) => Promise<boolean>;
}) {
  const intl = useIntl();
  const [text, setText] = useState('');
  const [attempted, setAttempted] = useState(false);
  const missing = required && !text.trim();
  const close = () => {
    setText('');
    setAttempted(false);
    onClose();
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setAttempted(true);
    if (missing || busy) return;
    if (await onSubmit(text.trim())) close();
  };
  return (
    <Modal
      opened={opened}
      onClose={close}
      title={intl.formatMessage({ id: title })}
      centered
      closeButtonProps={{ 'aria-label': intl.formatMessage({ id: 'action.close' }) }}
    >
      <form onSubmit={(event) => void submit(event)} noValidate data-testid="note-dialog">
        <Stack gap="md">
          {body && <Text size="sm">{body}</Text>}
          <Textarea
            label={intl.formatMessage({ id: label })}
            description={intl.formatMessage({ id: 'arrangement.sealedHint' })}
            value={text}
            onChange={(event) => setText(event.currentTarget.value)}
            error={
              attempted && missing
                ? intl.formatMessage({ id: 'arrangement.problem.reasonRequired' })
                : undefined
            }
            autosize
            minRows={2}
            maxLength={2000}
            required={required}
            data-autofocus
          />
          {problem && (
            <Alert color="red" variant="light" role="alert">
              <FormattedMessage id={problem} />
            </Alert>
          )}
          {alert}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              <FormattedMessage id="action.cancel" />
            </Button>
            <Button type="submit" loading={busy}>
              <FormattedMessage id={submitLabel} />
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
