import { Button, Group, Paper, Stack, Text } from '@mantine/core';
import { FormattedMessage, useIntl } from 'react-intl';
import { NO_KEYS } from '../utils/register';
import type { CaseFieldsFragment } from '../../../gql/graphql';
import { hubErrorCode, hubErrorMessageId } from '../../../hub/hub-request';
import { ActionError } from '../../../ui/ActionError';
import { AlertIcon } from '../../../ui/icons';
import { UnlockKeys } from '../../auth/components/UnlockKeys';
import { useRefingerprint } from '../hooks/useRefingerprint';
import { GroupKeyNotice } from './GroupKeyNotice';
import { PersonFields } from './PersonFields';

/**
 * After a key rotation the case's fingerprints belong to the old epoch and
 * no longer match anything: the identifiers must be entered (or imported)
 * again from the organisation's own records — the hub never had them.
 */
export function RefingerprintPanel({
  kase,
  mayAct,
  onDone,
}: {
  kase: CaseFieldsFragment;
  mayAct: boolean;
  onDone: () => void;
}) {
  const intl = useIntl();
  const form = useRefingerprint(kase, onDone);

  return (
    <Paper
      withBorder
      p="md"
      bg="var(--mantine-color-orange-light)"
      component="section"
      aria-labelledby="refingerprint-title"
      data-testid="case-needs-refingerprint"
    >
      <Stack gap="sm">
        <Group gap="xs" wrap="nowrap">
          <AlertIcon />
          <Text size="sm" fw={600} id="refingerprint-title">
            <FormattedMessage id="cases.needsRefingerprintTitle" />
          </Text>
        </Group>
        <Text size="sm">
          <FormattedMessage id="cases.needsRefingerprintBody" />
        </Text>
        {mayAct && !form.opened && (
          <Group>
            <Button size="xs" variant="default" onClick={() => form.setOpened(true)}>
              <FormattedMessage id="cases.reenter" />
            </Button>
          </Group>
        )}
        {mayAct && form.opened && !form.keysUnlocked && <UnlockKeys />}
        {mayAct && form.opened && (
          <form onSubmit={(event) => void form.submit(event)} noValidate>
            <Stack gap="md">
              <GroupKeyNotice workingGroupId={kase.workingGroupId} unlock={false} />
              <PersonFields
                value={form.person}
                onChange={form.setPerson}
                defaultPhoneCountry={form.country}
                onDefaultPhoneCountry={form.setCountry}
              />
              {form.failure !== null && (
                <Text size="sm" c="var(--mantine-color-error)" role="alert">
                  <FormattedMessage
                    id={
                      hubErrorCode(form.failure) === NO_KEYS
                        ? 'cases.noKeys'
                        : hubErrorMessageId(form.failure)
                    }
                  />
                </Text>
              )}
              <ActionError error={form.updateError} />
              <Group>
                <Button type="submit" loading={form.busy} disabled={!form.ready}>
                  <FormattedMessage id="cases.reenterSubmit" />
                </Button>
                <Button variant="default" onClick={() => form.setOpened(false)}>
                  {intl.formatMessage({ id: 'action.cancel' })}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
      </Stack>
    </Paper>
  );
}
