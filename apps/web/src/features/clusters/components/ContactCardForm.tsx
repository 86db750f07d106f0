import { Button, Group, Stack, TextInput } from '@mantine/core';
import { MESSAGE_LIMITS } from '@parallax/identity';
import { useState, type FormEvent } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';

export interface ContactCardValues {
  name: string;
  role: string;
  channel: string;
}

/** "Share a contact card": who to reach and through which secure channel. */
export function ContactCardForm({
  busy,
  onShare,
  onCancel,
}: {
  busy: boolean;
  /** Resolves true once sent: the form empties. */
  onShare: (card: ContactCardValues) => Promise<boolean>;
  onCancel: () => void;
}) {
  const intl = useIntl();
  const [values, setValues] = useState<ContactCardValues>({ name: '', role: '', channel: '' });
  const [tried, setTried] = useState(false);
  const missing = (v: string) =>
    tried && !v.trim() ? intl.formatMessage({ id: 'conversation.fieldRequired' }) : undefined;
  const set = (key: keyof ContactCardValues) => (event: { currentTarget: { value: string } }) => {
    const value = event.currentTarget.value;
    setValues((current) => ({ ...current, [key]: value }));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    const card = {
      name: values.name.trim(),
      role: values.role.trim(),
      channel: values.channel.trim(),
    };
    if (!card.name || !card.channel || busy) return;
    if (await onShare(card)) {
      setValues({ name: '', role: '', channel: '' });
      setTried(false);
    }
  };

  return (
    <form onSubmit={(event) => void submit(event)} noValidate data-testid="contact-card-form">
      <Stack gap="xs">
        <TextInput
          label={intl.formatMessage({ id: 'conversation.cardName' })}
          value={values.name}
          onChange={set('name')}
          maxLength={MESSAGE_LIMITS.name}
          required
          error={missing(values.name)}
          dir="auto"
        />
        <TextInput
          label={intl.formatMessage({ id: 'conversation.cardRole' })}
          value={values.role}
          onChange={set('role')}
          maxLength={MESSAGE_LIMITS.role}
          dir="auto"
        />
        <TextInput
          label={intl.formatMessage({ id: 'conversation.cardChannel' })}
          description={intl.formatMessage({ id: 'conversation.cardChannelHint' })}
          value={values.channel}
          onChange={set('channel')}
          maxLength={MESSAGE_LIMITS.channel}
          required
          error={missing(values.channel)}
          dir="auto"
        />
        <Group gap="sm">
          <Button type="submit" loading={busy} data-testid="contact-card-share">
            <FormattedMessage id="conversation.shareCard" />
          </Button>
          <Button variant="default" onClick={onCancel}>
            <FormattedMessage id="conversation.cancel" />
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
