import { Alert, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { UnlockKeys } from '../../auth/components/UnlockKeys';
import { useViewer } from '../../auth/hooks/session';
import { useUnlockedKeys } from '../../../crypto/key-store';
import { keyHolderGroups } from '../../group-keys/utils/eligibility';
import { useGroupKey, useGroupKeyStore } from '../../group-keys/hooks/store';
import { browserPinStore } from '../../group-keys/utils/pin-store';
import { isGroupKeyRefused, refusalMessageId } from '../../group-keys/utils/waiting-reason';
import { WaitingList } from '../../group-keys/components/WaitingList';
import { SchemaVersionNotice } from '../../group-keys/components/SchemaVersionNotice';
import { schemaMismatchOfState } from '../../group-keys/utils/schema';
import { hubErrorMessageId, isRetryableHubError, useHubRequest } from '../../../hub/hub-request';
import { ConfirmButton } from '../../../ui/ConfirmButton';
import { AlertIcon, KeyIcon } from '../../../ui/icons';
import { GroupKeyStateNotice } from '../../cases/components/GroupKeyNotice';
import { CoordinatorChangedBanner } from '../../key-verification/components/CoordinatorChangedBanner';

/**
 * The working group's key K_group as this device sees it. Coordinators make
 * the first one here (on this device, sealed to each verified member) and
 * may rotate it; members see whether their copy has arrived; everyone sees
 * who is still waiting and why, and is stopped by a changed coordinator key.
 */
export function GroupKeySection({ workingGroupId }: { workingGroupId: string }) {
  const viewer = useViewer();
  const keys = useUnlockedKeys(viewer.user.id);
  const state = useGroupKey(workingGroupId);
  if (!keyHolderGroups(viewer.actor).includes(workingGroupId)) return null;
  const isCoordinator = viewer.actor.coordinatorOf.includes(workingGroupId);

  return (
    <Stack gap="sm" component="section" aria-labelledby="group-key-title" data-testid="group-key">
      <Title order={2} size="h3" id="group-key-title">
        <FormattedMessage id="groupKey.title" />
      </Title>
      <Text size="sm">
        <FormattedMessage id="groupKey.intro" />
      </Text>
      {!keys ? (
        <UnlockKeys />
      ) : state.status === 'ready' ? (
        <Stack gap="sm">
          <CoordinatorChangedBanner
            workingGroupId={workingGroupId}
            changed={state.changedCoordinators}
          />
          <Alert
            color="teal"
            variant="light"
            icon={<KeyIcon />}
            role="status"
            data-testid="group-key-ready"
            data-epoch={state.epoch}
          >
            <Text size="sm">
              <FormattedMessage id="groupKey.ready" values={{ epoch: state.epoch }} />
            </Text>
          </Alert>
          <SchemaVersionNotice
            state={state}
            isCoordinator={isCoordinator}
            rotate={<CreateKey workingGroupId={workingGroupId} rotate />}
          />
          <WaitingList waiting={state.waiting} />
          {isCoordinator && !schemaMismatchOfState(state) && (
            <CreateKey workingGroupId={workingGroupId} rotate />
          )}
        </Stack>
      ) : state.status === 'no-epoch' && isCoordinator ? (
        <CreateKey workingGroupId={workingGroupId} rotate={false} />
      ) : (
        <GroupKeyStateNotice state={state} workingGroupId={workingGroupId} />
      )}
    </Stack>
  );
}

function CreateKey({ workingGroupId, rotate }: { workingGroupId: string; rotate: boolean }) {
  const intl = useIntl();
  const viewer = useViewer();
  const keys = useUnlockedKeys(viewer.user.id);
  const store = useGroupKeyStore();
  const request = useHubRequest();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const run = async () => {
    if (busy || !keys) return;
    setBusy(true);
    setError(null);
    try {
      const { createGroupKey } = await import('../../group-keys/utils/sync');
      await createGroupKey(
        request,
        store,
        workingGroupId,
        {
          userId: keys.userId,
          privateKey: keys.privateKey,
          signingPrivateKey: keys.signingPrivateKey,
        },
        browserPinStore(),
      );
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack gap="sm" align="flex-start">
      {!rotate && (
        <Text size="sm" data-testid="group-key-create-intro">
          <FormattedMessage id="groupKey.createIntro" />
        </Text>
      )}
      {rotate ? (
        <ConfirmButton
          title={intl.formatMessage({ id: 'groupKey.rotateTitle' })}
          body={<FormattedMessage id="groupKey.rotateBody" />}
          onConfirm={() => void run()}
          loading={busy}
          color="orange"
          data-testid="group-key-rotate"
        >
          <FormattedMessage id="groupKey.rotate" />
        </ConfirmButton>
      ) : (
        <Button
          leftSection={<KeyIcon size={16} />}
          onClick={() => void run()}
          loading={busy}
          data-testid="group-key-create"
        >
          <FormattedMessage id="groupKey.create" />
        </Button>
      )}
      {error !== null && (
        <Alert color="red" variant="light" icon={<AlertIcon />} role="alert">
          <Stack gap="xs" align="flex-start">
            <Text size="sm">
              <FormattedMessage
                id={
                  isGroupKeyRefused(error)
                    ? refusalMessageId(error.reason)
                    : hubErrorMessageId(error)
                }
              />
            </Text>
            {isRetryableHubError(error) && (
              <Group>
                <Button size="xs" variant="default" onClick={() => void run()}>
                  <FormattedMessage id="error.retry" />
                </Button>
              </Group>
            )}
          </Stack>
        </Alert>
      )}
    </Stack>
  );
}
