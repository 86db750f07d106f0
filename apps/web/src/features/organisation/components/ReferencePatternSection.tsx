import { Button, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import {
  matchesReferencePattern,
  referencePatternExample,
  referencePatternProblem,
} from '@parallax/domain';
import { useEffect, useState, type FormEvent } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useQuery } from 'urql';
import {
  OrganisationReferencePatternDocument,
  SetCaseReferencePatternDocument,
} from '../../../gql/graphql';
import { useAction } from '../../../graphql/use-action';
import { ActionError } from '../../../ui/ActionError';

const ltr = (text: string) => <bdi dir="ltr">{text}</bdi>;

/**
 * The organisation's case reference pattern, for its admins: set it with a
 * live example and a try-out field, or remove it. Checked here with the
 * hub's own rules (libs/domain) before it is sent.
 */
export function ReferencePatternSection({ organisationId }: { organisationId: string }) {
  const intl = useIntl();
  const [{ data }] = useQuery({
    query: OrganisationReferencePatternDocument,
    variables: { id: organisationId },
  });
  const current = data?.organisation.caseReferencePattern ?? null;
  const save = useAction(SetCaseReferencePatternDocument);
  const [pattern, setPattern] = useState('');
  const [sample, setSample] = useState('');
  const [attempted, setAttempted] = useState(false);
  const [done, setDone] = useState<'saved' | 'cleared' | null>(null);
  useEffect(() => setPattern(current ?? ''), [current]);

  const clean = pattern.trim();
  const problem = referencePatternProblem(clean);
  const usable = problem === null;

  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    setAttempted(true);
    setDone(null);
    if (!usable) return;
    const result = await save.run({ organisationId, pattern: clean });
    if (result.data) setDone('saved');
  };
  const clear = async () => {
    setDone(null);
    const result = await save.run({ organisationId, pattern: null });
    if (result.data) {
      setPattern('');
      setAttempted(false);
      setDone('cleared');
    }
  };

  return (
    <Stack gap="sm" data-testid="reference-pattern-section">
      <Title order={2} size="h3">
        <FormattedMessage id="organisation.patternTitle" />
      </Title>
      <Text size="sm">
        <FormattedMessage id="organisation.patternIntro" />
      </Text>
      <Text size="sm" c="dimmed" data-testid="reference-pattern-current">
        {current ? (
          <FormattedMessage id="organisation.patternCurrent" values={{ pattern: ltr(current) }} />
        ) : (
          <FormattedMessage id="organisation.patternNone" />
        )}
      </Text>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Stack gap="sm" maw={520}>
          <TextInput
            label={intl.formatMessage({ id: 'organisation.patternLabel' })}
            description={intl.formatMessage({ id: 'organisation.patternSyntax' })}
            value={pattern}
            onChange={(event) => setPattern(event.currentTarget.value)}
            error={
              attempted && problem ? (
                <FormattedMessage id="organisation.patternProblem" values={{ problem }} />
              ) : undefined
            }
            dir="ltr"
            autoComplete="off"
            maxLength={64}
          />
          {usable && (
            <Text size="sm" data-testid="reference-pattern-example">
              <FormattedMessage
                id="organisation.patternExample"
                values={{ example: ltr(referencePatternExample(clean)) }}
              />
            </Text>
          )}
          {usable && (
            <TextInput
              label={intl.formatMessage({ id: 'organisation.patternTry' })}
              value={sample}
              onChange={(event) => setSample(event.currentTarget.value)}
              description={
                sample.trim() ? (
                  <FormattedMessage
                    id={
                      matchesReferencePattern(clean, sample)
                        ? 'organisation.patternTryOk'
                        : 'organisation.patternTryNo'
                    }
                  />
                ) : undefined
              }
              dir="auto"
              autoComplete="off"
              maxLength={80}
            />
          )}
          <ActionError error={save.error} onRetry={save.retry} />
          {done && (
            <Text size="sm" role="status">
              <FormattedMessage
                id={done === 'saved' ? 'organisation.patternSaved' : 'organisation.patternCleared'}
              />
            </Text>
          )}
          <Group gap="sm">
            <Button type="submit" loading={save.fetching}>
              <FormattedMessage id="organisation.patternSave" />
            </Button>
            {current && (
              <Button variant="default" onClick={() => void clear()} disabled={save.fetching}>
                <FormattedMessage id="organisation.patternClear" />
              </Button>
            )}
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
