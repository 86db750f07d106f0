import { Alert, Group, Loader, Stack, Text } from '@mantine/core';
import { HubError } from '@parallax/hub-client';
import { FormattedMessage } from 'react-intl';
import { UnlockKeys } from '../../auth/components/UnlockKeys';
import { useViewer } from '../../auth/hooks/session';
import { useUnlockedKeys } from '../../../crypto/key-store';
import { SchemaVersionNotice } from '../../group-keys/components/SchemaVersionNotice';
import { WhoCanUnblock } from '../../group-keys/components/WhoCanUnblock';
import { useGroupKey, type GroupKeyState } from '../../group-keys/hooks/store';
import { hubErrorMessageId } from '../../../hub/hub-request';
import { AlertIcon, KeyIcon } from '../../../ui/icons';
import { refusalMessageId } from '../../group-keys/utils/waiting-reason';
import { CoordinatorChangedBanner } from '../../key-verification/components/CoordinatorChangedBanner';

/**
 * Why fingerprinting for this group cannot start yet, if it cannot: keys
 * locked after a reload, no group key yet, or this user's copy still on its way.
 * Inside a form, pass `unlock={false}` and render <UnlockKeys /> outside it
 * (it is a form of its own, and forms do not nest).
 */
export function GroupKeyNotice({
  workingGroupId,
  unlock = true,
}: {
  workingGroupId: string;
  unlock?: boolean;
}) {
  const viewer = useViewer();
  const keys = useUnlockedKeys(viewer.user.id);
  const state = useGroupKey(workingGroupId);
  if (!keys) return unlock ? <UnlockKeys /> : null;
  return <GroupKeyStateNotice state={state} workingGroupId={workingGroupId} />;
}

export function GroupKeyStateNotice({
  state,
  workingGroupId,
}: {
  state: GroupKeyState;
  workingGroupId: string;
}) {
  switch (state.status) {
    case 'ready':
      // The key works here (unless its epoch uses other fingerprint rules); a changed coordinator key only stops sharing it.
      return (
        <>
          <SchemaVersionNotice state={state} isCoordinator={state.isCoordinator} />
          <CoordinatorChangedBanner
            workingGroupId={workingGroupId}
            changed={state.changedCoordinators}
          />
        </>
      );
    case 'blocked':
      return (
        <CoordinatorChangedBanner
          workingGroupId={workingGroupId}
          changed={state.changedCoordinators}
        />
      );
    case 'refused':
      return (
        <Alert
          color="red"
          variant="light"
          icon={<AlertIcon />}
          role="alert"
          title={<FormattedMessage id="groupKey.rejectedTitle" />}
          data-testid="group-key-refused"
          data-reason={state.reason}
          data-reported={state.reported}
        >
          <Text size="sm">
            <FormattedMessage id={refusalMessageId(state.reason)} />
          </Text>
        </Alert>
      );
    case 'unknown':
      return (
        <Group gap="xs" role="status" data-testid="group-key-checking">
          <Loader size="xs" />
          <Text size="sm">
            <FormattedMessage id="groupKey.checking" />
          </Text>
        </Group>
      );
    case 'no-epoch':
      return (
        <Alert
          color="yellow"
          variant="light"
          icon={<KeyIcon />}
          role="status"
          data-testid="group-key-none"
        >
          <Stack gap="xs">
            <Text size="sm">
              <FormattedMessage
                id={state.isCoordinator ? 'groupKey.noneCoordinator' : 'groupKey.noneMember'}
              />
            </Text>
            {!state.isCoordinator && <WaitingHelp workingGroupId={workingGroupId} />}
          </Stack>
        </Alert>
      );
    case 'pending':
      return (
        <Alert
          color="blue"
          variant="light"
          icon={<KeyIcon />}
          role="status"
          data-testid="group-key-pending"
        >
          <Stack gap="xs">
            <Text size="sm">
              <FormattedMessage id="groupKey.awaitingVerification" />
            </Text>
            <SchemaVersionNotice state={state} isCoordinator={state.isCoordinator} />
            <WaitingHelp workingGroupId={workingGroupId} />
          </Stack>
        </Alert>
      );
    case 'error':
      return (
        <Alert color="red" variant="light" icon={<AlertIcon />} role="alert">
          <Text size="sm">
            <FormattedMessage id={hubErrorMessageId(new HubError(state.code, ''))} />
          </Text>
        </Alert>
      );
  }
}

/** Who can unblock the viewer, and a way to ask them. */
function WaitingHelp({ workingGroupId }: { workingGroupId: string }) {
  const viewer = useViewer();
  return <WhoCanUnblock workingGroupId={workingGroupId} role={viewer.user.role ?? null} />;
}
