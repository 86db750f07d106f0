import { Anchor, Badge, Button, Group, Modal, Paper, Stack, Text, Textarea } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useState, type FormEvent } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Link } from 'react-router';
import {
  RequestContactDocument,
  RespondToContactDocument,
  SetOverlapVerdictDocument,
  type OverlapFieldsFragment,
} from '../../gql/graphql';
import { useAction } from '../../graphql/use-action';
import type { MessageId } from '../../i18n/messages';
import { strengthLabel } from '../../shell/notification-text';
import { ActionError } from '../../ui/ActionError';
import { ConfirmButton } from '../../ui/ConfirmButton';
import { formatDateTime } from '../../ui/format';
import { matchedKindsText } from './match-kinds';
import { overlapActions } from './overlap-actions';

const STRENGTH_COLOR: Record<string, string> = {
  strong: 'red',
  probable: 'orange',
  possible: 'blue',
};

export function StrengthBadge({ strength }: { strength: string }) {
  const intl = useIntl();
  return (
    <Badge
      color={STRENGTH_COLOR[strength] ?? 'gray'}
      variant="light"
      tt="none"
      data-strength={strength}
    >
      {strengthLabel(intl, strength)}
    </Badge>
  );
}

function contactLine(overlap: OverlapFieldsFragment): MessageId | null {
  switch (overlap.contactStatus) {
    case 'requested':
      return overlap.contactRequestedByMe
        ? 'overlap.contactRequestedByUs'
        : 'overlap.contactRequestedByThem';
    case 'accepted':
      return 'overlap.contactAccepted';
    case 'declined':
      return overlap.contactRequestedByMe
        ? 'overlap.contactDeclinedByThem'
        : 'overlap.contactDeclinedByUs';
    default:
      return null;
  }
}

/**
 * One overlap as our side sees it: our case, the strength and the kinds of
 * key that matched, and — once both sides agreed, or an agreement says so —
 * the other organisation's name.
 */
export function OverlapCard({
  overlap,
  mayAct,
  onChanged,
}: {
  overlap: OverlapFieldsFragment;
  mayAct: boolean;
  onChanged: () => void;
}) {
  const intl = useIntl();
  const actions = overlapActions(overlap, mayAct);
  const verdict = useAction(SetOverlapVerdictDocument);
  const request = useAction(RequestContactDocument);
  const respond = useAction(RespondToContactDocument);
  const [falseMatchOpened, falseMatch] = useDisclosure(false);
  const retracted = overlap.retractedAt !== null;
  const contact = contactLine(overlap);
  const reference = (
    <Anchor component={Link} to={`/cases/${overlap.myCase.id}`} fw={600}>
      <bdi>{overlap.myCase.reference}</bdi>
    </Anchor>
  );
  const done = (result: { error?: unknown }) => {
    if (!result.error) onChanged();
  };

  return (
    <Paper
      withBorder
      p="md"
      data-testid="overlap"
      data-overlap-id={overlap.id}
      data-state={retracted ? 'retracted' : 'open'}
      data-contact={overlap.contactStatus}
      bg={retracted ? 'var(--mantine-color-gray-1)' : undefined}
    >
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Group gap="xs">
            <StrengthBadge strength={overlap.strength} />
            {retracted && (
              <Badge color="gray" variant="outline" tt="none">
                <FormattedMessage id="overlap.retracted" />
              </Badge>
            )}
            {overlap.myVerdict === 'confirmed' && (
              <Badge color="teal" variant="light" tt="none">
                <FormattedMessage id="overlap.confirmedByUs" />
              </Badge>
            )}
            {overlap.myVerdict === 'false_match' && (
              <Badge color="gray" variant="light" tt="none">
                <FormattedMessage id="overlap.falseMatchByUs" />
              </Badge>
            )}
          </Group>
          <Text size="sm" c="dimmed">
            {formatDateTime(intl, overlap.createdAt)}
          </Text>
        </Group>
        <Text data-testid="overlap-summary">
          {overlap.otherOrganisation ? (
            <FormattedMessage
              id="overlap.summaryRevealed"
              values={{
                reference,
                organisation: (
                  <Text span fw={600} data-testid="overlap-organisation">
                    <bdi>{overlap.otherOrganisation.name}</bdi>
                  </Text>
                ),
              }}
            />
          ) : (
            <FormattedMessage id="overlap.summary" values={{ reference }} />
          )}
        </Text>
        <Text size="sm" data-testid="overlap-explanation">
          <FormattedMessage
            id="overlap.matchedOn"
            values={{
              strength: strengthLabel(intl, overlap.strength),
              kinds: matchedKindsText(intl, overlap.matchedKinds),
            }}
          />
        </Text>
        {retracted && (
          <Text size="sm">
            <FormattedMessage id="overlap.retractedBody" />
          </Text>
        )}
        {overlap.myVerdict === 'false_match' && overlap.myReason && (
          <Text size="sm">
            <FormattedMessage
              id="overlap.falseMatchReason"
              values={{ reason: <bdi>{overlap.myReason}</bdi> }}
            />
          </Text>
        )}
        {contact && !retracted && (
          <Text size="sm" data-testid="overlap-contact">
            <FormattedMessage id={contact} />
          </Text>
        )}
        {actions.length > 0 && (
          <Group gap="xs" data-testid="overlap-actions">
            {actions.includes('acceptContact') && (
              <ConfirmButton
                color="blue"
                title={intl.formatMessage({ id: 'overlap.acceptTitle' })}
                body={<FormattedMessage id="overlap.acceptBody" />}
                onConfirm={() =>
                  void respond.run({ overlapId: overlap.id, accept: true }).then(done)
                }
                loading={respond.fetching}
                data-testid="overlap-accept"
              >
                <FormattedMessage id="overlap.accept" />
              </ConfirmButton>
            )}
            {actions.includes('declineContact') && (
              <Button
                size="xs"
                variant="default"
                onClick={() =>
                  void respond.run({ overlapId: overlap.id, accept: false }).then(done)
                }
                loading={respond.fetching}
                data-testid="overlap-decline"
              >
                <FormattedMessage id="overlap.decline" />
              </Button>
            )}
            {actions.includes('requestContact') && (
              <ConfirmButton
                color="blue"
                title={intl.formatMessage({ id: 'overlap.requestTitle' })}
                body={<FormattedMessage id="overlap.requestBody" />}
                onConfirm={() => void request.run({ overlapId: overlap.id }).then(done)}
                loading={request.fetching}
                data-testid="overlap-request-contact"
              >
                <FormattedMessage id="overlap.requestContact" />
              </ConfirmButton>
            )}
            {actions.includes('confirm') && (
              <Button
                size="xs"
                variant="light"
                color="teal"
                onClick={() =>
                  void verdict
                    .run({ overlapId: overlap.id, verdict: 'confirmed', reason: null })
                    .then(done)
                }
                loading={verdict.fetching}
                data-testid="overlap-confirm"
              >
                <FormattedMessage id="overlap.confirm" />
              </Button>
            )}
            {actions.includes('markFalseMatch') && (
              <Button
                size="xs"
                variant="light"
                color="gray"
                onClick={falseMatch.open}
                data-testid="overlap-false-match"
              >
                <FormattedMessage id="overlap.markFalseMatch" />
              </Button>
            )}
          </Group>
        )}
        <ActionError error={verdict.error ?? request.error ?? respond.error} />
      </Stack>
      <FalseMatchDialog
        opened={falseMatchOpened}
        onClose={falseMatch.close}
        onSubmit={(reason) =>
          verdict.run({ overlapId: overlap.id, verdict: 'false_match', reason }).then((result) => {
            done(result);
            return !result.error;
          })
        }
        busy={verdict.fetching}
      />
    </Paper>
  );
}

function FalseMatchDialog({
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
