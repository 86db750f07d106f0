import { Alert, Button, Group, Stack, Textarea } from '@mantine/core';
import { MESSAGE_LIMITS } from '@parallax/identity';
import { useState, type FormEvent } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { AlertIcon } from '../../../ui/icons';
import type { ConversationSend, SendOutcome } from '../hooks/useConversation';
import { ContactCardForm } from './ContactCardForm';

/** After a send: the people this device did not seal a copy for (their key is not verified here). */
function SkippedWarning({ outcome }: { outcome: SendOutcome | null }) {
  const intl = useIntl();
  if (!outcome || outcome.skipped.length === 0) return null;
  return (
    <Alert
      color="yellow"
      variant="light"
      icon={<AlertIcon />}
      role="status"
      data-testid="conversation-skipped"
    >
      <FormattedMessage
        id="conversation.skipped"
        values={{
          count: outcome.skipped.length,
          names: <bdi>{intl.formatList(outcome.skipped.map((s) => s.name))}</bdi>,
        }}
      />
    </Alert>
  );
}

/** Writing to the cluster: a text message, or a contact card. */
export function ConversationComposer({ send }: { send: ConversationSend }) {
  const intl = useIntl();
  const [text, setText] = useState('');
  const [cardOpen, setCardOpen] = useState(false);
  const [outcome, setOutcome] = useState<SendOutcome | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const trimmed = text.trim();
    if (!trimmed || send.busy) return;
    const result = await send.run({ kind: 'text', text: trimmed });
    if (result) {
      setText('');
      setOutcome(result);
    }
  };

  return (
    <Stack gap="sm" data-testid="conversation-composer">
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Stack gap="xs">
          <Textarea
            label={intl.formatMessage({ id: 'conversation.messageLabel' })}
            description={intl.formatMessage({ id: 'conversation.messageHint' })}
            value={text}
            onChange={(event) => setText(event.currentTarget.value)}
            maxLength={MESSAGE_LIMITS.text}
            autosize
            minRows={2}
            maxRows={8}
            dir="auto"
            data-testid="conversation-text"
          />
          <Group gap="sm">
            <Button
              type="submit"
              loading={send.busy}
              disabled={!text.trim()}
              data-testid="conversation-send"
            >
              <FormattedMessage id="conversation.send" />
            </Button>
            {!cardOpen && (
              <Button
                variant="default"
                onClick={() => setCardOpen(true)}
                data-testid="contact-card-open"
              >
                <FormattedMessage id="conversation.shareCardOpen" />
              </Button>
            )}
          </Group>
        </Stack>
      </form>
      {cardOpen && (
        <ContactCardForm
          busy={send.busy}
          onCancel={() => setCardOpen(false)}
          onShare={async (card) => {
            const result = await send.run({ kind: 'contact_card', ...card });
            if (!result) return false;
            setOutcome(result);
            setCardOpen(false);
            return true;
          }}
        />
      )}
      <SkippedWarning outcome={outcome} />
    </Stack>
  );
}
