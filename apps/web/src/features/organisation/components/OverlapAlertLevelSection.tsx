import { Button, Radio, Stack, Text, Title } from '@mantine/core';
import { OVERLAP_ALERT_LEVELS } from '@parallax/domain';
import { useEffect, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { SetOverlapAlertLevelDocument, type OverlapAlertLevel } from '../../../gql/graphql';
import { useAction } from '../../../graphql/use-action';
import { ActionError } from '../../../ui/ActionError';
import { useOverlapAlertLevel } from '../hooks/useOverlapAlertLevel';

const LABELS = {
  strong: 'organisation.alertLevelStrong',
  probable: 'organisation.alertLevelProbable',
  possible: 'organisation.alertLevelPossible',
} as const;
const HINTS = {
  strong: 'organisation.alertLevelStrongHint',
  probable: 'organisation.alertLevelProbableHint',
  possible: 'organisation.alertLevelPossibleHint',
} as const;

/**
 * Which overlaps notify the organisation: strong only, probable and strong
 * (the default), or possible ones too. Every overlap is listed on its case
 * whatever the level. Its members read it; its admins change it (the hub
 * asks for a fresh second factor and audits the change).
 */
export function OverlapAlertLevelSection({
  organisationId,
  mayEdit,
}: {
  organisationId: string;
  mayEdit: boolean;
}) {
  const intl = useIntl();
  const current = useOverlapAlertLevel(organisationId);
  const save = useAction(SetOverlapAlertLevelDocument);
  const [choice, setChoice] = useState<OverlapAlertLevel>('probable');
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    if (current) setChoice(current);
  }, [current]);

  const submit = async () => {
    setSaved(false);
    const result = await save.run({ level: choice });
    if (result.data) setSaved(true);
  };

  return (
    <Stack gap="sm" data-testid="overlap-alert-level-section">
      <Title order={2} size="h3">
        <FormattedMessage id="organisation.alertLevelTitle" />
      </Title>
      <Text size="sm">
        <FormattedMessage id="organisation.alertLevelIntro" />
      </Text>
      <Radio.Group
        label={intl.formatMessage({ id: 'organisation.alertLevelLabel' })}
        value={choice}
        onChange={(value) => {
          setSaved(false);
          setChoice(value as OverlapAlertLevel);
        }}
      >
        <Stack gap="xs" mt="xs">
          {OVERLAP_ALERT_LEVELS.map((level) => (
            <Radio
              key={level}
              value={level}
              disabled={!mayEdit}
              label={intl.formatMessage({ id: LABELS[level] })}
              description={intl.formatMessage({ id: HINTS[level] })}
            />
          ))}
        </Stack>
      </Radio.Group>
      {mayEdit ? (
        <>
          <ActionError error={save.error} onRetry={save.retry} />
          {saved && (
            <Text size="sm" role="status">
              <FormattedMessage id="organisation.alertLevelSaved" />
            </Text>
          )}
          <Button
            onClick={() => void submit()}
            loading={save.fetching}
            disabled={current === null || choice === current}
            w="fit-content"
          >
            <FormattedMessage id="organisation.alertLevelSave" />
          </Button>
        </>
      ) : (
        <Text size="sm" c="dimmed" data-testid="overlap-alert-level-readonly">
          <FormattedMessage id="organisation.alertLevelAdminsChoose" />
        </Text>
      )}
    </Stack>
  );
}
