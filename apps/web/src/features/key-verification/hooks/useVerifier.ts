import { notifications } from '@mantine/notifications';
import { HubError, type KeyOwner } from '@parallax/hub-client';
import type { KeyBundle } from '@parallax/identity';
import { useCallback, useMemo, useState } from 'react';
import { useIntl } from 'react-intl';
import { useUnlockedKeys } from '../../../crypto/key-store';
import { useHubRequest } from '../../../hub/hub-request';
import { useViewer } from '../../auth/hooks/session';
import { useGroupKeyStore } from '../../group-keys/hooks/store';
import { ownBundle } from '../utils/own-bundle';

/**
 * What a verification screen needs from the viewer: their own keys (from
 * the private keys on this device), the step-up-aware hub request, and a
 * runner that keeps the last failure for the dialog to show.
 */
export function useVerifier() {
  const intl = useIntl();
  const viewer = useViewer();
  const keys = useUnlockedKeys(viewer.user.id);
  const request = useHubRequest();
  const groupKeys = useGroupKeyStore();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const me = useMemo<KeyBundle | null>(
    () => (keys ? ownBundle(keys, viewer.user.organisationId ?? null) : null),
    [keys, viewer.user.organisationId],
  );
  const owner = useMemo<KeyOwner | null>(
    () =>
      keys
        ? {
            userId: keys.userId,
            privateKey: keys.privateKey,
            signingPrivateKey: keys.signingPrivateKey,
          }
        : null,
    [keys],
  );

  /** Runs one verification of `name`; true when it went through (the dialog then closes). */
  const run = useCallback(
    async (name: string, action: () => Promise<unknown>): Promise<boolean> => {
      setBusy(true);
      setError(null);
      try {
        await action();
        notifications.show({
          color: 'teal',
          message: intl.formatMessage({ id: 'verify.done' }, { name }),
        });
        return true;
      } catch (caught) {
        // A step-up the person cancelled is not a failure worth showing.
        if (!(caught instanceof HubError && caught.code === 'STEP_UP_REQUIRED')) setError(caught);
        return false;
      } finally {
        setBusy(false);
      }
    },
    [intl],
  );

  return {
    viewer,
    keysUnlocked: keys !== null,
    me,
    owner,
    request,
    groupKeys,
    busy,
    error,
    clearError: () => setError(null),
    run,
  };
}
