import { Button, Fieldset, Group, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { referencePatternExample } from '@parallax/domain';
import { FormattedMessage, useIntl } from 'react-intl';
import { useSearchParams } from 'react-router';
import { UnlockKeys } from '../../auth/components/UnlockKeys';
import { useRegisterCase } from '../hooks/useRegisterCase';
import { CaseTagsFields } from './CaseTagsFields';
import { GroupKeyNotice } from './GroupKeyNotice';
import { PersonFields } from './PersonFields';
import { RegisterError, RegisterProgress } from './RegisterProgress';

/**
 * The organisation's label and tags for a case, and the suspect's
 * identifiers, fingerprinted on this device (never sent nor stored).
 */
export function RegisterCaseForm({ groups }: { groups: Array<{ id: string; name: string }> }) {
  const intl = useIntl();
  const [params] = useSearchParams();
  const initialGroup = groups.find((g) => g.id === params.get('group'))?.id ?? groups[0]?.id ?? '';
  const flow = useRegisterCase(initialGroup);
  const { state, dispatch } = flow;
  // The organisation's pattern, shown with an example in the hint and the error.
  const pattern = flow.referencePattern;
  const patternValues = pattern
    ? {
        pattern: <bdi dir="ltr">{pattern}</bdi>,
        example: <bdi dir="ltr">{referencePatternExample(pattern)}</bdi>,
      }
    : { pattern: '', example: '' };

  return (
    <Stack gap="md">
      {!flow.keysUnlocked && <UnlockKeys />}
      <form
        onSubmit={(event) => void flow.submit(event)}
        noValidate
        data-testid="register-case-form"
      >
        <Stack gap="xl">
          <Fieldset legend={intl.formatMessage({ id: 'cases.caseSection' })}>
            <Stack gap="md">
              <NativeSelect
                label={intl.formatMessage({ id: 'cases.workingGroup' })}
                value={state.groupId}
                onChange={(event) =>
                  dispatch({ type: 'groupId', value: event.currentTarget.value })
                }
                data={groups.map((g) => ({ value: g.id, label: g.name }))}
                maw={520}
                data-testid="case-working-group"
              />
              <GroupKeyNotice workingGroupId={state.groupId} unlock={false} />
              <TextInput
                label={intl.formatMessage({ id: 'cases.reference' })}
                description={
                  pattern ? (
                    <FormattedMessage id="cases.referencePatternHint" values={patternValues} />
                  ) : (
                    intl.formatMessage({ id: 'cases.referenceHint' })
                  )
                }
                value={state.reference}
                onChange={(event) =>
                  dispatch({ type: 'reference', value: event.currentTarget.value })
                }
                error={
                  flow.referenceError ? (
                    <FormattedMessage id={flow.referenceError} values={patternValues} />
                  ) : undefined
                }
                dir="auto"
                autoComplete="off"
                maxLength={80}
                maw={520}
                required
              />
              <CaseTagsFields
                value={state.tags}
                onChange={(value) => dispatch({ type: 'tags', value })}
              />
            </Stack>
          </Fieldset>
          <Fieldset legend={intl.formatMessage({ id: 'cases.suspectSection' })}>
            <Stack gap="md">
              <Text size="sm">
                <FormattedMessage id="cases.suspectIntro" />
              </Text>
              <PersonFields
                value={state.person}
                onChange={(value) => dispatch({ type: 'person', value })}
                defaultPhoneCountry={state.country}
                onDefaultPhoneCountry={(value) => dispatch({ type: 'country', value })}
              />
              {flow.personProblem && (
                <Text size="sm" c="var(--mantine-color-error)" role="alert">
                  <FormattedMessage id={flow.personProblem} />
                </Text>
              )}
            </Stack>
          </Fieldset>
          <RegisterProgress phase={state.phase} />
          <RegisterError
            messageId={flow.errorId}
            error={state.error}
            onRetry={() => void flow.submit()}
          />
          <Group>
            <Button
              type="submit"
              loading={flow.busy}
              disabled={!flow.ready}
              data-testid="register-case-submit"
            >
              <FormattedMessage id="cases.registerSubmit" />
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
