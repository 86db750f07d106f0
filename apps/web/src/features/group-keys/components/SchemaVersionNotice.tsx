import { Alert, Stack, Text } from '@mantine/core';
import { clientIsBehind } from '@parallax/hub-client';
import type { ReactNode } from 'react';
import { FormattedMessage } from 'react-intl';
import { AlertIcon } from '../../../ui/icons';
import type { GroupKeyState } from '../hooks/store';
import { schemaMismatchOfState } from '../utils/schema';

/**
 * Says plainly when the group's keys use other fingerprint rules than this
 * app: a coordinator is asked to rotate the keys (`rotate` is the existing
 * Rotate action), a member learns that no case can be registered until a
 * coordinator does. When the group is ahead of this app, the app must be
 * reloaded instead. Renders nothing when the rules agree.
 */
export function SchemaVersionNotice({
  state,
  isCoordinator,
  rotate,
}: {
  state: GroupKeyState;
  isCoordinator: boolean;
  rotate?: ReactNode;
}) {
  const mismatch = schemaMismatchOfState(state);
  if (!mismatch) return null;
  const behind = clientIsBehind(mismatch);
  const id = behind
    ? 'groupKey.schema.appBehind'
    : isCoordinator
      ? 'groupKey.schema.rotateCoordinator'
      : 'groupKey.schema.rotateMember';
  return (
    <Alert
      color="orange"
      variant="light"
      icon={<AlertIcon />}
      role="status"
      data-testid="group-key-schema-mismatch"
      data-epoch-version={mismatch.epochVersion}
      data-client-version={mismatch.clientVersion}
    >
      <Stack gap="xs" align="flex-start">
        <Text size="sm">
          <FormattedMessage
            id={id}
            values={{ epochVersion: mismatch.epochVersion, clientVersion: mismatch.clientVersion }}
          />
        </Text>
        {!behind && isCoordinator && rotate}
      </Stack>
    </Alert>
  );
}
