import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import type { OperationResult } from '@urql/core';
import {
  createContext,
  useCallback,
  useContext,
  useRef,
  useState,
  type FormEvent,
  type ReactNode,
} from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useClient } from 'urql';
import { StepUpDocument } from '../../../gql/graphql';
import { errorCode, errorMessageId, isStepUpRequired } from '../../../graphql/errors';
import type { MessageId } from '../../../i18n/messages';
import { CodeInput, isSixDigitCode } from '../../../ui/CodeInput';

/** Runs a mutation; if the API wants a fresh second factor, asks for it and runs it again. */
export type WithStepUp = <R extends Pick<OperationResult, 'error'>>(
  run: () => Promise<R>,
) => Promise<R>;

const StepUpContext = createContext<WithStepUp | null>(null);

export function useStepUp(): WithStepUp {
  const value = useContext(StepUpContext);
  if (!value) throw new Error('useStepUp must be used inside <StepUpProvider>.');
  return value;
}

/** Each retry needs a new code from the person: a bound keeps a confused server from looping. */
const MAX_PROMPTS = 3;

/**
 * Sensitive mutations (role changes, invitations, password change…) answer
 * STEP_UP_REQUIRED when the session's last second-factor check is older than
 * a few minutes. This provider asks for a code once, however many actions
 * were waiting, and retries each of them.
 */
export function StepUpProvider({ children }: { children: ReactNode }) {
  const [opened, setOpened] = useState(false);
  const waiting = useRef<Array<(confirmed: boolean) => void>>([]);

  const askForCode = useCallback(
    () =>
      new Promise<boolean>((resolve) => {
        waiting.current.push(resolve);
        setOpened(true);
      }),
    [],
  );

  const withStepUp = useCallback<WithStepUp>(
    async (run) => {
      let result = await run();
      for (let prompt = 0; prompt < MAX_PROMPTS && isStepUpRequired(result.error); prompt++) {
        if (!(await askForCode())) break;
        result = await run();
      }
      return result;
    },
    [askForCode],
  );

  const finish = useCallback((confirmed: boolean) => {
    const resolvers = waiting.current;
    waiting.current = [];
    setOpened(false);
    for (const resolve of resolvers) resolve(confirmed);
  }, []);

  return (
    <StepUpContext.Provider value={withStepUp}>
      {children}
      <StepUpModal opened={opened} onDone={finish} />
    </StepUpContext.Provider>
  );
}

function StepUpModal({
  opened,
  onDone,
}: {
  opened: boolean;
  onDone: (confirmed: boolean) => void;
}) {
  const intl = useIntl();
  const client = useClient();
  const [code, setCode] = useState('');
  const [problem, setProblem] = useState<MessageId | null>(null);
  const [sending, setSending] = useState(false);

  const close = (confirmed: boolean) => {
    setCode('');
    setProblem(null);
    onDone(confirmed);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (sending) return;
    if (!isSixDigitCode(code)) {
      setProblem('auth.codeFormat');
      return;
    }
    setSending(true);
    const result = await client.mutation(StepUpDocument, { code }).toPromise();
    setSending(false);
    if (!result.error) {
      close(true);
      return;
    }
    setCode('');
    setProblem(
      errorCode(result.error) === 'UNAUTHENTICATED'
        ? 'stepUp.wrongCode'
        : errorMessageId(result.error),
    );
  };

  return (
    <Modal
      opened={opened}
      onClose={() => close(false)}
      title={intl.formatMessage({ id: 'stepUp.title' })}
      closeButtonProps={{ 'aria-label': intl.formatMessage({ id: 'action.close' }) }}
      centered
    >
      <form onSubmit={(event) => void submit(event)} noValidate data-testid="step-up-form">
        <Stack gap="md">
          <Text size="sm">
            <FormattedMessage id="stepUp.body" />
          </Text>
          <CodeInput
            value={code}
            onChange={setCode}
            error={problem ? intl.formatMessage({ id: problem }) : undefined}
            data-autofocus
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => close(false)}>
              <FormattedMessage id="action.cancel" />
            </Button>
            <Button type="submit" loading={sending}>
              <FormattedMessage id="stepUp.confirm" />
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
