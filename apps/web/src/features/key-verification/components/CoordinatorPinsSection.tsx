import { Stack, Text, Title } from '@mantine/core';
import { acceptCoordinatorKey, keyBundleOf } from '@parallax/hub-client';
import { pinMatches } from '@parallax/identity';
import { useMemo } from 'react';
import { FormattedMessage } from 'react-intl';
import { useGroupPins } from '../../group-keys/hooks/pins';
import { browserPinStore } from '../../group-keys/utils/pin-store';
import { useKeyDirectory } from '../hooks/useKeyDirectory';
import { useVerifier } from '../hooks/useVerifier';
import type { BadgeStatus } from './VerificationBadge';
import { QueryStatusText } from './QueryStatusText';
import { VerificationTable, type VerificationRow } from './VerificationTable';

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
  const { viewer, groupKeys, run } = verifier;
  const { state } = useKeyDirectory(workingGroupId);
  const pins = useGroupPins(workingGroupId);

  const rows = useMemo<VerificationRow[]>(() => {
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

  const verify = (r: VerificationRow) =>
    run(r.holder.displayName, async () => {
      await acceptCoordinatorKey(browserPinStore(), viewer.user.id, workingGroupId, r.holder);
      groupKeys.requestSync(workingGroupId);
    });

  return (
    <Stack gap={4} data-testid="coordinator-verification-group" data-group={workingGroupId}>
      <Text size="sm" fw={600}>
        <bdi>{name}</bdi>
      </Text>
      <QueryStatusText state={state} />
      {state.status === 'ready' && (
        <VerificationTable
          rows={rows}
          verifier={verifier}
          onVerify={verify}
          rowTestId="verify-our-coordinator"
          empty="verify.noneToVerify"
        />
      )}
    </Stack>
  );
}
