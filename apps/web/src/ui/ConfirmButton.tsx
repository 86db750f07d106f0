import { Button, Group, Modal, Stack, Text, type ButtonProps } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { MessageId } from '../i18n/messages';

export interface ConfirmButtonProps extends ButtonProps {
  /** The button's text, also the modal's confirm button. */
  children: ReactNode;
  title: string;
  body: ReactNode;
  onConfirm: () => void;
  confirmLabel?: MessageId;
  'data-testid'?: string;
}

/** A button for a consequential action (disable, revoke, remove): asks first. */
export function ConfirmButton({
  children,
  title,
  body,
  onConfirm,
  confirmLabel,
  color = 'red',
  ...props
}: ConfirmButtonProps) {
  const intl = useIntl();
  const [opened, { open, close }] = useDisclosure(false);
  return (
    <>
      <Button size="xs" variant="light" color={color} onClick={open} {...props}>
        {children}
      </Button>
      <Modal
        opened={opened}
        onClose={close}
        title={title}
        centered
        closeButtonProps={{ 'aria-label': intl.formatMessage({ id: 'action.close' }) }}
      >
        <Stack gap="md">
          <Text size="sm">{body}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={close} data-autofocus>
              <FormattedMessage id="action.cancel" />
            </Button>
            <Button
              color={color}
              onClick={() => {
                close();
                onConfirm();
              }}
            >
              {confirmLabel ? <FormattedMessage id={confirmLabel} /> : children}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
