import { Alert, Group, Stack, Text } from '@mantine/core';
import { acceptCoordinatorKey, keyBundleOf } from '@parallax/hub-client';
import { FormattedMessage, useIntl } from 'react-intl';
import { useUnlockedKeys } from '../../../crypto/key-store';
import { AlertIcon } from '../../../ui/icons';
import { useViewer } from '../../auth/hooks/session';
import { useGroupKeyStore, type NamedUser } from '../../group-keys/hooks/store';
import { browserPinStore } from '../../group-keys/utils/pin-store';
import { useKeyDirectory } from '../hooks/useKeyDirectory';
import { ownBundle } from '../utils/own-bundle';
import { VerifyButton } from './VerifyButton';

/**
 * A pinned coordinator's key changed: this device shares the group key with
 * nobody until the user compares the safety number with that coordinator
 * again and accepts the new key ("Verify again").
 */
export function CoordinatorChangedBanner({
  workingGroupId,
  changed,
}: {
  workingGroupId: string;
  changed: readonly NamedUser[];
}) {
  const intl = useIntl();
  const viewer = useViewer();
  const keys = useUnlockedKeys(viewer.user.id);
  const groupKeys = useGroupKeyStore();
  const { state, refresh } = useKeyDirectory(changed.length > 0 ? workingGroupId : null);
  if (changed.length === 0) return null;
  const me = keys ? ownBundle(keys, viewer.user.organisationId ?? null) : null;
  const holders = state.status === 'ready' ? state.directory.holders : [];

  return (
    <Alert
      color="red"
      variant="filled"
      icon={<AlertIcon />}
      role="alert"
      title={intl.formatMessage({ id: 'groupKey.coordinatorChangedTitle' })}
      data-testid="coordinator-key-changed"
    >
      <Stack gap="sm">
        {changed.map((coordinator) => {
          const holder = holders.find((h) => h.userId === coordinator.userId);
          const name = holder?.displayName ?? coordinator.displayName;
          const bundle = holder ? keyBundleOf(holder) : null;
          return (
            <Stack key={coordinator.userId} gap="xs">
              <Text size="sm">
                <FormattedMessage
                  id="groupKey.coordinatorChangedBody"
                  values={{ name: <bdi>{name}</bdi> }}
                />
              </Text>
              {me && holder && bundle && (
                <Group>
                  <VerifyButton
                    me={me}
                    other={bundle}
                    name={name}
                    again
                    onMatch={async () => {
                      await acceptCoordinatorKey(
                        browserPinStore(),
                        viewer.user.id,
                        workingGroupId,
                        holder,
                      );
                      groupKeys.requestSync(workingGroupId);
                      void refresh();
                      return true;
                    }}
                  />
                </Group>
              )}
            </Stack>
          );
        })}
      </Stack>
    </Alert>
  );
}
