import {
  Alert,
  Button,
  Fieldset,
  Group,
  NativeSelect,
  Progress,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useRef, useState, type FormEvent } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useNavigate, useSearchParams } from 'react-router';
import { UnlockKeys } from '../../auth/UnlockKeys';
import { useViewer } from '../../auth/session';
import {
  emptyPerson,
  hasIdentifiers,
  isReadableBirthDate,
  isValidReference,
  personFromForm,
  type PersonFormValues,
} from '../../cases/person-form';
import { NO_KEYS, registerPersonCase } from '../../cases/register';
import { useUnlockedKeys } from '../../crypto/key-store';
import { useFingerprinterFactory } from '../../fingerprinting/fingerprinter';
import { randomIdempotencyKey } from '../../fingerprinting/idempotency';
import { useGroupKey } from '../../group-keys/store';
import {
  hubErrorCode,
  hubErrorMessageId,
  isRetryableHubError,
  useHubRequest,
} from '../../hub/hub-request';
import type { MessageId } from '../../i18n/messages';
import { AlertIcon } from '../../ui/icons';
import { CaseTagsFields, defaultTags, type CaseTags } from './CaseTagsFields';
import { GroupKeyNotice } from './GroupKeyNotice';
import { PersonFields } from './PersonFields';
import { FingerprintingPage } from './FingerprintingPage';

type Phase =
  | { step: 'idle' }
  | { step: 'fingerprinting'; done: number; total: number }
  | {
      step: 'registering';
    };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/u;

/** The state the case page opens with after a registration. */
export interface RegisteredState {
  registered: 'created' | 'existing';
}

/**
 * Register one tracking case: the organisation's label and tags, and the
 * suspect's identifiers, fingerprinted in a worker on this device. The
 * identifiers are never sent nor stored, and the form forgets them once the
 * case is registered.
 */
export function RegisterCasePage() {
  return (
    <FingerprintingPage
      titleId="cases.registerTitle"
      privacyId="cases.privacy"
      maw={900}
      testId="register-case-page"
    >
      {(groups) => <RegisterCaseForm groups={groups} />}
    </FingerprintingPage>
  );
}

function RegisterCaseForm({ groups }: { groups: Array<{ id: string; name: string }> }) {
  const intl = useIntl();
  const navigate = useNavigate();
  const viewer = useViewer();
  const keys = useUnlockedKeys(viewer.user.id);
  const request = useHubRequest();
  const fingerprinterFactory = useFingerprinterFactory();
  const [params] = useSearchParams();
  const initialGroup = groups.find((g) => g.id === params.get('group'))?.id ?? groups[0]?.id ?? '';
  const [groupId, setGroupId] = useState(initialGroup);
  const [reference, setReference] = useState('');
  const [tags, setTags] = useState<CaseTags>(defaultTags);
  const [person, setPerson] = useState<PersonFormValues>(emptyPerson);
  const [country, setCountry] = useState('');
  const [attempted, setAttempted] = useState(false);
  const [phase, setPhase] = useState<Phase>({ step: 'idle' });
  const [error, setError] = useState<unknown>(null);
  // The same submission retried keeps its idempotency key (the hub registers
  // it once); a changed form gets a new one.
  const lastAttempt = useRef<{ snapshot: string; key: string } | null>(null);
  const groupKey = useGroupKey(groupId);
  const busy = phase.step !== 'idle';

  const referenceError: MessageId | null = !reference.trim()
    ? 'cases.referenceRequired'
    : isValidReference(reference)
      ? null
      : 'cases.referenceInvalid';
  const personProblem: MessageId | null = !hasIdentifiers(person)
    ? 'cases.identifiersRequired'
    : person.birthDates.some((d) => !isReadableBirthDate(d)) ||
        person.emails.some((e) => e.trim() && !EMAIL.test(e.trim()))
      ? 'cases.identifiersInvalid'
      : null;

  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    if (busy) return;
    setAttempted(true);
    setError(null);
    if (referenceError || personProblem || !groupId) return;
    if (groupKey.status !== 'ready' || !keys) return;
    const snapshot = JSON.stringify([groupId, reference, tags, person, country]);
    if (lastAttempt.current?.snapshot !== snapshot) {
      lastAttempt.current = { snapshot, key: randomIdempotencyKey() };
    }
    const fingerprinter = fingerprinterFactory();
    setPhase({ step: 'fingerprinting', done: 0, total: 1 });
    try {
      const registration = await registerPersonCase({
        request,
        fingerprinter,
        workingGroupId: groupId,
        epoch: groupKey.epoch,
        groupKey: groupKey.groupKey,
        person: personFromForm(person),
        meta: { reference, ...tags },
        idempotencyKey: lastAttempt.current.key,
        ...(country ? { defaultPhoneCountry: country } : {}),
        onProgress: (done, total) => setPhase({ step: 'fingerprinting', done, total }),
        onRegistering: () => setPhase({ step: 'registering' }),
      });
      // Forget the identifiers before leaving.
      setPerson(emptyPerson());
      setReference('');
      lastAttempt.current = null;
      const state: RegisteredState = { registered: registration.created ? 'created' : 'existing' };
      void navigate(`/cases/${registration.caseId}`, { state });
    } catch (caught) {
      setError(caught);
    } finally {
      fingerprinter.dispose();
      setPhase({ step: 'idle' });
    }
  };

  const errorId: MessageId | null =
    error === null
      ? null
      : hubErrorCode(error) === NO_KEYS
        ? 'cases.noKeys'
        : hubErrorCode(error) === 'RATE_LIMITED'
          ? 'cases.budgetExceeded'
          : hubErrorMessageId(error);

  return (
    <Stack gap="md">
      {!keys && <UnlockKeys />}
      <form onSubmit={(event) => void submit(event)} noValidate data-testid="register-case-form">
        <Stack gap="xl">
          <Fieldset legend={intl.formatMessage({ id: 'cases.caseSection' })}>
            <Stack gap="md">
              <NativeSelect
                label={intl.formatMessage({ id: 'cases.workingGroup' })}
                value={groupId}
                onChange={(event) => setGroupId(event.currentTarget.value)}
                data={groups.map((g) => ({ value: g.id, label: g.name }))}
                maw={520}
                data-testid="case-working-group"
              />
              <GroupKeyNotice workingGroupId={groupId} unlock={false} />
              <TextInput
                label={intl.formatMessage({ id: 'cases.reference' })}
                description={intl.formatMessage({ id: 'cases.referenceHint' })}
                value={reference}
                onChange={(event) => setReference(event.currentTarget.value)}
                error={
                  attempted && referenceError
                    ? intl.formatMessage({ id: referenceError })
                    : undefined
                }
                dir="auto"
                autoComplete="off"
                maxLength={80}
                maw={520}
                required
              />
              <CaseTagsFields value={tags} onChange={setTags} />
            </Stack>
          </Fieldset>
          <Fieldset legend={intl.formatMessage({ id: 'cases.suspectSection' })}>
            <Stack gap="md">
              <Text size="sm">
                <FormattedMessage id="cases.suspectIntro" />
              </Text>
              <PersonFields
                value={person}
                onChange={setPerson}
                defaultPhoneCountry={country}
                onDefaultPhoneCountry={setCountry}
              />
              {attempted && personProblem && (
                <Text size="sm" c="var(--mantine-color-error)" role="alert">
                  <FormattedMessage id={personProblem} />
                </Text>
              )}
            </Stack>
          </Fieldset>
          {phase.step !== 'idle' && (
            <Stack gap={4} role="status" data-testid="fingerprint-progress">
              <Text size="sm">
                <FormattedMessage
                  id={phase.step === 'registering' ? 'cases.registering' : 'cases.fingerprinting'}
                />
              </Text>
              <Progress
                value={
                  phase.step === 'registering' ? 100 : Math.round((phase.done / phase.total) * 100)
                }
                animated
                aria-label={intl.formatMessage({ id: 'cases.progressLabel' })}
              />
            </Stack>
          )}
          {errorId && (
            <Alert
              color="red"
              variant="light"
              icon={<AlertIcon />}
              role="alert"
              data-testid="action-error"
            >
              <Stack gap="xs" align="flex-start">
                <Text size="sm">
                  <FormattedMessage id={errorId} />
                </Text>
                {isRetryableHubError(error) && (
                  <Button size="xs" variant="default" onClick={() => void submit()}>
                    <FormattedMessage id="error.retry" />
                  </Button>
                )}
              </Stack>
            </Alert>
          )}
          <Group>
            <Button
              type="submit"
              loading={busy}
              disabled={groupKey.status !== 'ready' || !keys}
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
