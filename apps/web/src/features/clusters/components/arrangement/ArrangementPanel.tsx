import { Alert, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useId, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { ActionError } from '../../../../ui/ActionError';
import { formatDateTime } from '../../../../ui/format';
import { useArrangementActions } from '../../hooks/useArrangementActions';
import { partyName, type ClusterData } from '../../utils/cluster-view';
import type { ProposalMode } from '../../utils/proposal-form';
import { ArrangementControls } from './ArrangementControls';
import { ArrangementHistory } from './ArrangementHistory';
import { ArrangementStatusBadge } from './ArrangementStatusBadge';
import { NOTE_DIALOGS, type NoteDialogKind } from './arrangement-dialogs';
import { NoteDialog } from './NoteDialog';
import { PendingProposal } from './PendingProposal';
import { ProposalForm, type ProposalSubmission } from './ProposalForm';
import { RoleList } from './RoleList';

/** A stale version is worded for this page: someone changed the arrangement meanwhile. */
const STALE = { ARRANGEMENT_VERSION_STALE: 'arrangement.stale' } as const;

/**
 * Who leads the cluster: the roles in force, the proposal on the table and
 * its deadline, the viewer's possible answers, a coordinator's mediation,
 * and the whole history.
 */
export function ArrangementPanel({
  cluster,
  onChanged,
}: {
  cluster: ClusterData;
  onChanged: () => void;
}) {
  const intl = useIntl();
  const titleId = useId();
  const arrangement = cluster.arrangement;
  const actions = useArrangementActions(cluster, arrangement, onChanged);
  const [form, setForm] = useState<ProposalMode | null>(null);
  const [dialog, setDialog] = useState<NoteDialogKind | null>(null);
  const proposal = arrangement.proposal;
  const name = (id: string | null | undefined) =>
    partyName(cluster, id) ?? intl.formatMessage({ id: 'arrangement.unknownOrganisation' });

  const openForm = (mode: ProposalMode) => {
    actions.reset();
    setForm(mode);
  };
  const submitForm = (mode: ProposalMode) => (s: ProposalSubmission) =>
    mode === 'decide'
      ? actions.decide(s.roles, s.message)
      : actions.propose(
          s.roles,
          s.deadline ?? '',
          s.message,
          mode === 'counter' ? (proposal?.number ?? null) : null,
        );

  const runDialog = (kind: NoteDialogKind) => (text: string) => {
    switch (kind) {
      case 'reject':
        return proposal ? actions.respond(proposal.number, false, text) : Promise.resolve(false);
      case 'comment':
        return actions.comment(text);
      case 'reopen':
        return actions.requestReopen(text);
      case 'grant':
      case 'refuse':
        return actions.answerReopen(kind === 'grant', text);
    }
  };

  return (
    <Card withBorder component="section" aria-labelledby={titleId} data-testid="arrangement-panel">
      <Stack gap="sm">
        <Group justify="space-between" gap="xs">
          <Title order={2} size="h4" id={titleId}>
            <FormattedMessage id="arrangement.title" />
          </Title>
          <ArrangementStatusBadge status={arrangement.status} />
        </Group>
        {arrangement.inForce && arrangement.inForce.length > 0 ? (
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              <FormattedMessage
                id="arrangement.inForce"
                values={{ by: arrangement.inForceBy === 'decision' ? 'decision' : 'agreement' }}
              />
            </Text>
            <RoleList cluster={cluster} roles={arrangement.inForce} testId="arrangement-in-force" />
          </Stack>
        ) : (
          <Text size="sm" c="dimmed">
            <FormattedMessage id="arrangement.nothingInForce" />
          </Text>
        )}
        {arrangement.escalatedAt && (
          <Alert color="orange" variant="light" data-testid="arrangement-escalated">
            <FormattedMessage
              id="arrangement.escalatedNote"
              values={{
                reason: arrangement.escalationReason ?? 'other',
                at: formatDateTime(intl, arrangement.escalatedAt),
              }}
            />
          </Alert>
        )}
        {arrangement.reopenRequestedBy && (
          <Alert color="yellow" variant="light">
            <FormattedMessage
              id="arrangement.reopenRequested"
              values={{ organisation: name(arrangement.reopenRequestedBy) }}
            />
          </Alert>
        )}
        {proposal && <PendingProposal cluster={cluster} proposal={proposal} />}
        {form === null && (
          <ArrangementControls
            arrangement={arrangement}
            actions={actions}
            onForm={openForm}
            onDialog={(kind) => {
              actions.reset();
              setDialog(kind);
            }}
          />
        )}
        {form !== null && (
          <ProposalForm
            key={form}
            cluster={cluster}
            arrangement={arrangement}
            mode={form}
            busy={actions.busy}
            onSubmit={submitForm(form)}
            onCancel={() => setForm(null)}
          />
        )}
        {actions.sealProblem && !dialog && (
          <Alert color="red" variant="light" role="alert">
            <FormattedMessage id={actions.sealProblem} />
          </Alert>
        )}
        {!dialog && <ActionError error={actions.error} messages={STALE} />}
        <ArrangementHistory cluster={cluster} history={arrangement.history} />
      </Stack>
      {dialog && (
        <NoteDialog
          opened
          title={NOTE_DIALOGS[dialog].title}
          label={NOTE_DIALOGS[dialog].label}
          submitLabel={NOTE_DIALOGS[dialog].submit}
          required={NOTE_DIALOGS[dialog].required}
          busy={actions.busy}
          problem={actions.sealProblem}
          alert={<ActionError error={actions.error} messages={STALE} />}
          onClose={() => setDialog(null)}
          onSubmit={runDialog(dialog)}
        />
      )}
    </Card>
  );
}
