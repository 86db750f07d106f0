import { Button, Group, NativeSelect, Stack, TextInput, Textarea } from '@mantine/core';
import type { ReferralStatus } from '@parallax/domain';
import { useState, type FormEvent } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { ReferralActions } from '../../hooks/useReferralActions';
import type { ReferralView } from '../../utils/cluster-view';
import { todayLocal } from '../../utils/deadline';

/** Moves a referral on, to one of the statuses the hub offers next (the shared status graph). */
export function ReferralStatusControl({
  referral,
  actions,
  onDone,
}: {
  referral: ReferralView;
  actions: ReferralActions;
  onDone: () => void;
}) {
  const intl = useIntl();
  const [status, setStatus] = useState<ReferralStatus | undefined>(referral.nextStatuses[0]);
  const [statusOn, setStatusOn] = useState(() => todayLocal());
  const [note, setNote] = useState('');
  const dateProblem =
    !/^\d{4}-\d{2}-\d{2}$/u.test(statusOn) ||
    statusOn > todayLocal() ||
    statusOn < referral.statusOn;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!status || dateProblem || actions.busy) return;
    if (await actions.update(referral, status, statusOn, note)) onDone();
  };

  return (
    <form onSubmit={(event) => void submit(event)} noValidate data-testid="referral-status-form">
      <Stack gap="xs">
        <Group grow align="flex-start" gap="xs" wrap="wrap">
          <NativeSelect
            label={intl.formatMessage({ id: 'referral.newStatus' })}
            data={referral.nextStatuses.map((s) => ({
              value: s,
              label: intl.formatMessage({ id: 'referral.status' }, { status: s }),
            }))}
            value={status ?? ''}
            onChange={(event) =>
              setStatus(referral.nextStatuses.find((s) => s === event.currentTarget.value))
            }
            miw={180}
          />
          <TextInput
            type="date"
            label={intl.formatMessage({ id: 'referral.statusOn' })}
            value={statusOn}
            max={todayLocal()}
            onChange={(event) => setStatusOn(event.currentTarget.value)}
            error={
              dateProblem ? intl.formatMessage({ id: 'referral.problem.statusDate' }) : undefined
            }
            miw={160}
          />
        </Group>
        <Textarea
          label={intl.formatMessage({ id: 'referral.note' })}
          description={intl.formatMessage({ id: 'arrangement.sealedHint' })}
          value={note}
          onChange={(event) => setNote(event.currentTarget.value)}
          autosize
          minRows={1}
          maxLength={2000}
        />
        <Group justify="flex-end" gap="xs">
          <Button size="xs" variant="default" onClick={onDone}>
            <FormattedMessage id="action.cancel" />
          </Button>
          <Button
            size="xs"
            type="submit"
            loading={actions.busy}
            data-testid="referral-status-submit"
          >
            <FormattedMessage id="referral.updateStatus" />
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
