import { Alert, Button, Group, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import type { PartyRole } from '@parallax/domain';
import type { FormEvent } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useFocusOnMount } from '../../../../ui/useFocusOnMount';
import { useProposalForm } from '../../hooks/useProposalForm';
import type { ArrangementView, ClusterView } from '../../utils/cluster-view';
import type { ProposalMode } from '../../utils/proposal-form';
import { RoleFields } from './RoleFields';

export interface ProposalSubmission {
  roles: PartyRole[];
  /** ISO 8601; null for a decision. */
  deadline: string | null;
  message: string;
}

const TITLES = {
  propose: 'arrangement.form.proposeTitle',
  counter: 'arrangement.form.counterTitle',
  decide: 'arrangement.form.decideTitle',
} as const;

const SUBMITS = {
  propose: 'arrangement.form.submitPropose',
  counter: 'arrangement.form.submitCounter',
  decide: 'arrangement.form.submitDecide',
} as const;

/** One role per party, a deadline and a message (sealed); a decision needs a reason instead of a deadline. */
export function ProposalForm({
  cluster,
  arrangement,
  mode,
  busy,
  onSubmit,
  onCancel,
}: {
  cluster: Pick<ClusterView, 'parties'>;
  arrangement: ArrangementView;
  mode: ProposalMode;
  busy: boolean;
  onSubmit: (submission: ProposalSubmission) => Promise<boolean>;
  onCancel: () => void;
}) {
  const intl = useIntl();
  const form = useProposalForm(arrangement, mode);
  const { state, dispatch } = form;
  const heading = useFocusOnMount<HTMLHeadingElement>();
  const allChosen = form.roles.length === state.parties.length;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    dispatch({ type: 'attempted' });
    if (!form.valid || busy) return;
    const sent = await onSubmit({
      roles: form.roles,
      deadline: form.deadline,
      message: state.message,
    });
    if (sent) onCancel();
  };

  return (
    <form onSubmit={(event) => void submit(event)} noValidate data-testid="proposal-form">
      <Stack gap="sm">
        <Title order={3} size="h5" ref={heading} tabIndex={-1}>
          <FormattedMessage id={TITLES[mode]} />
        </Title>
        <RoleFields cluster={cluster} state={state} dispatch={dispatch} />
        {(state.attempted || allChosen) && form.rolesProblem && (
          <Alert color="orange" variant="light" role="status" data-testid="proposal-roles-problem">
            <FormattedMessage id={form.rolesProblem} />
          </Alert>
        )}
        {mode !== 'decide' && (
          <TextInput
            type="datetime-local"
            label={intl.formatMessage({ id: 'arrangement.form.deadline' })}
            description={intl.formatMessage({ id: 'arrangement.form.deadlineHint' })}
            value={state.deadline}
            onChange={(event) => dispatch({ type: 'deadline', value: event.currentTarget.value })}
            error={
              state.attempted && form.deadlineProblem
                ? intl.formatMessage({ id: form.deadlineProblem })
                : undefined
            }
            required
          />
        )}
        <Textarea
          label={intl.formatMessage({
            id: mode === 'decide' ? 'arrangement.form.reason' : 'arrangement.form.message',
          })}
          description={intl.formatMessage({ id: 'arrangement.sealedHint' })}
          value={state.message}
          onChange={(event) => dispatch({ type: 'message', value: event.currentTarget.value })}
          error={
            state.attempted && form.messageProblem
              ? intl.formatMessage({ id: form.messageProblem })
              : undefined
          }
          required={mode === 'decide'}
          autosize
          minRows={2}
          maxLength={2000}
        />
        {mode === 'decide' && (
          <Text size="sm" c="dimmed">
            <FormattedMessage id="arrangement.form.decideHint" />
          </Text>
        )}
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onCancel}>
            <FormattedMessage id="action.cancel" />
          </Button>
          <Button type="submit" loading={busy} data-testid="proposal-submit">
            <FormattedMessage id={SUBMITS[mode]} />
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
