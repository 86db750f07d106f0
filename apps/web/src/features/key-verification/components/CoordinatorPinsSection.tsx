import { Stack, Text, Title } from '@mantine/core';
import { acceptCoordinatorKey, keyBundleOf, type KeyHolder } from '@parallax/hub-client';
import { pinMatches, type KeyBundle } from '@parallax/identity';
import { useMemo } from 'react';
import { FormattedMessage } from 'react-intl';
import { DataTable, type Column } from '../../../ui/DataTable';
import { useGroupPins } from '../../group-keys/hooks/pins';
import { browserPinStore } from '../../group-keys/utils/pin-store';
import { useKeyDirectory } from '../hooks/useKeyDirectory';
import { useVerifier } from '../hooks/useVerifier';
import type { BadgeStatus } from './VerificationBadge';
import { VerificationBadge } from './VerificationBadge';
import { VerifyButton } from './VerifyButton';
import { VerifyError } from './VerifyError';
import { QueryStatusText } from './QueryStatusText';

interface Row {
  holder: KeyHolder;
  bundle: KeyBundle | null;
  status: BadgeStatus;
}

/**
 * Member side, on the organisation page: each working group's coordinators
 * as this device pinned them (trusted on first use, verified, or changed),
 * and "Verify", which pins the coordinator's current keys as verified once
 * the safety numbers match. The same call lets the coordinator certify us.
 */
export function CoordinatorPinsSection({
  groups,
}: {
  groups: ReadonlyArray<{ id: string; name: string }>;
}) {
  return (
    <Stack gap="sm" component="section" data-testid="coordinator-verification">
      <Title order={2} size="h3">
        <FormattedMessage id="verify.coordinatorTitle" />
      </Title>
      <Text size="sm">
        <FormattedMessage id="verify.coordinatorIntro" />
      </Text>
      {groups.map((group) => (
        <GroupCoordinators key={group.id} workingGroupId={group.id} name={group.name} />
      ))}
    </Stack>
  );
}

function GroupCoordinators({ workingGroupId, name }: { workingGroupId: string; name: string }) {
  const verifier = useVerifier();
  const { viewer, me, groupKeys, run } = verifier;
  const { state } = useKeyDirectory(workingGroupId);
  const pins = useGroupPins(workingGroupId);

  const rows = useMemo<Row[]>(() => {
    if (state.status !== 'ready') return [];
    return state.directory.holders
      .filter((h) => h.isCoordinator && h.userId !== viewer.user.id)
      .map((holder) => {
        const bundle = keyBundleOf(holder);
        const pin = pins[holder.userId];
        const status: BadgeStatus = !bundle
          ? 'noKey'
          : !pin
            ? 'unseen'
            : !pinMatches(pin, bundle)
              ? 'changed'
              : pin.verified
                ? 'verified'
                : 'pinned';
        return { holder, bundle, status };
      });
  }, [state, pins, viewer.user.id]);

  const columns: Column<Row>[] = [
    { key: 'person', header: 'verify.person', cell: (r) => <bdi>{r.holder.displayName}</bdi> },
    {
      key: 'status',
      header: 'invitations.status',
      cell: (r) => <VerificationBadge status={r.status} />,
    },
    {
      key: 'actions',
      header: 'table.actions',
      hiddenHeader: true,
      cell: (r) =>
        me && r.bundle && r.status !== 'verified' ? (
          <VerifyButton
            me={me}
            other={r.bundle}
            name={r.holder.displayName}
            again={r.status === 'changed'}
            onOpen={verifier.clearError}
            onMatch={() =>
              run(r.holder.displayName, async () => {
                await acceptCoordinatorKey(
                  browserPinStore(),
                  viewer.user.id,
                  workingGroupId,
                  r.holder,
                );
                groupKeys.requestSync(workingGroupId);
              })
            }
            busy={verifier.busy}
            error={<VerifyError error={verifier.error} />}
          />
        ) : null,
    },
  ];

  return (
    <Stack gap={4} data-testid="coordinator-verification-group" data-group={workingGroupId}>
      <Text size="sm" fw={600}>
        <bdi>{name}</bdi>
      </Text>
      <QueryStatusText state={state} />
      {state.status === 'ready' && (
        <DataTable
          columns={columns}
          rows={rows}
          rowKey={(r) => r.holder.userId}
          rowTestId={() => 'verify-our-coordinator'}
          rowAttributes={(r) => ({ 'data-user': r.holder.userId, 'data-status': r.status })}
          empty="verify.noneToVerify"
        />
      )}
    </Stack>
  );
}
