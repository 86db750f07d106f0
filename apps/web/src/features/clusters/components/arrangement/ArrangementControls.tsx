import { Button, Group } from '@mantine/core';
import { FormattedMessage, useIntl } from 'react-intl';
import { ConfirmButton } from '../../../../ui/ConfirmButton';
import type { ArrangementActions } from '../../hooks/useArrangementActions';
import type { ArrangementView } from '../../utils/cluster-view';
import type { ProposalMode } from '../../utils/proposal-form';
import type { NoteDialogKind } from './arrangement-dialogs';

/**
 * The buttons the viewer may press now: the API lists them
 * (`availableActions`: the shared rule book, who may negotiate, and a
 * coordinator's comment).
 */
export function ArrangementControls({
  arrangement,
  actions,
  onForm,
  onDialog,
}: {
  arrangement: ArrangementView;
  actions: ArrangementActions;
  onForm: (mode: ProposalMode) => void;
  onDialog: (kind: NoteDialogKind) => void;
}) {
  const intl = useIntl();
  const can = (action: string) => arrangement.availableActions.includes(action);
  const proposal = arrangement.proposal;
  const buttons = [
    can('propose') && (
      <Button key="propose" size="xs" onClick={() => onForm('propose')}>
        <FormattedMessage id="arrangement.action.propose" />
      </Button>
    ),
    can('accept') && proposal && (
      <ConfirmButton
        key="accept"
        color="teal"
        title={intl.formatMessage({ id: 'arrangement.acceptTitle' })}
        body={<FormattedMessage id="arrangement.acceptBody" values={{ number: proposal.number }} />}
        onConfirm={() => void actions.respond(proposal.number, true, '')}
        loading={actions.busy}
      >
        <FormattedMessage id="arrangement.action.accept" />
      </ConfirmButton>
    ),
    can('reject') && proposal && (
      <Button key="reject" size="xs" variant="light" color="red" onClick={() => onDialog('reject')}>
        <FormattedMessage id="arrangement.action.reject" />
      </Button>
    ),
    can('counter') && proposal && (
      <Button key="counter" size="xs" variant="light" onClick={() => onForm('counter')}>
        <FormattedMessage id="arrangement.action.counter" />
      </Button>
    ),
    can('decide') && (
      <Button key="decide" size="xs" onClick={() => onForm('decide')}>
        <FormattedMessage id="arrangement.action.decide" />
      </Button>
    ),
    can('answer_reopen') && (
      <Button key="grant" size="xs" variant="light" color="teal" onClick={() => onDialog('grant')}>
        <FormattedMessage id="arrangement.action.grant" />
      </Button>
    ),
    can('answer_reopen') && (
      <Button key="refuse" size="xs" variant="light" color="red" onClick={() => onDialog('refuse')}>
        <FormattedMessage id="arrangement.action.refuse" />
      </Button>
    ),
    can('request_reopen') && (
      <Button key="reopen" size="xs" variant="light" onClick={() => onDialog('reopen')}>
        <FormattedMessage id="arrangement.action.request_reopen" />
      </Button>
    ),
    can('comment') && (
      <Button key="comment" size="xs" variant="default" onClick={() => onDialog('comment')}>
        <FormattedMessage id="arrangement.action.comment" />
      </Button>
    ),
  ].filter(Boolean);
  if (buttons.length === 0) return null;
  return (
    <Group gap="xs" data-testid="arrangement-actions">
      {buttons}
    </Group>
  );
}
