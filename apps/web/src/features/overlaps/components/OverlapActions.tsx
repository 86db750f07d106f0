import { Button, Group } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { FormattedMessage, useIntl } from 'react-intl';
import {
  RequestContactDocument,
  RespondToContactDocument,
  SetOverlapVerdictDocument,
  type OverlapFieldsFragment,
} from '../../../gql/graphql';
import { useAction } from '../../../graphql/use-action';
import { ActionError } from '../../../ui/ActionError';
import { ConfirmButton } from '../../../ui/ConfirmButton';
import { overlapActions } from '../utils/overlap-actions';
import { FalseMatchDialog } from './FalseMatchDialog';

/** What our side may do about one overlap: contact requests and verdicts. */
export function OverlapActions({
  overlap,
  mayAct,
  onChanged,
}: {
  overlap: OverlapFieldsFragment;
  mayAct: boolean;
  onChanged: () => void;
}) {
  const intl = useIntl();
  const actions = overlapActions(overlap, mayAct);
  const verdict = useAction(SetOverlapVerdictDocument);
  const request = useAction(RequestContactDocument);
  const respond = useAction(RespondToContactDocument);
  const [falseMatchOpened, falseMatch] = useDisclosure(false);
  const done = (result: { error?: unknown }) => {
    if (!result.error) onChanged();
  };

  return (
    <>
      {actions.length > 0 && (
        <Group gap="xs" data-testid="overlap-actions">
          {actions.includes('acceptContact') && (
            <ConfirmButton
              color="blue"
              title={intl.formatMessage({ id: 'overlap.acceptTitle' })}
              body={
                <>
                  <FormattedMessage id="overlap.acceptBody" />{' '}
                  {/* Joining a cluster reveals us to all its parties (issue 11). */}
                  <FormattedMessage id="clusters.acceptJoins" />
                </>
              }
              onConfirm={() => void respond.run({ overlapId: overlap.id, accept: true }).then(done)}
              loading={respond.fetching}
              data-testid="overlap-accept"
            >
              <FormattedMessage id="overlap.accept" />
            </ConfirmButton>
          )}
          {actions.includes('declineContact') && (
            <Button
              size="xs"
              variant="default"
              onClick={() => void respond.run({ overlapId: overlap.id, accept: false }).then(done)}
              loading={respond.fetching}
              data-testid="overlap-decline"
            >
              <FormattedMessage id="overlap.decline" />
            </Button>
          )}
          {actions.includes('requestContact') && (
            <ConfirmButton
              color="blue"
              title={intl.formatMessage({ id: 'overlap.requestTitle' })}
              body={<FormattedMessage id="overlap.requestBody" />}
              onConfirm={() => void request.run({ overlapId: overlap.id }).then(done)}
              loading={request.fetching}
              data-testid="overlap-request-contact"
            >
              <FormattedMessage id="overlap.requestContact" />
            </ConfirmButton>
          )}
          {actions.includes('confirm') && (
            <Button
              size="xs"
              variant="light"
              color="teal"
              onClick={() =>
                void verdict
                  .run({ overlapId: overlap.id, verdict: 'confirmed', reason: null })
                  .then(done)
              }
              loading={verdict.fetching}
              data-testid="overlap-confirm"
            >
              <FormattedMessage id="overlap.confirm" />
            </Button>
          )}
          {actions.includes('markFalseMatch') && (
            <Button
              size="xs"
              variant="light"
              color="gray"
              onClick={falseMatch.open}
              data-testid="overlap-false-match"
            >
              <FormattedMessage id="overlap.markFalseMatch" />
            </Button>
          )}
        </Group>
      )}
      <ActionError error={verdict.error ?? request.error ?? respond.error} />
      <FalseMatchDialog
        opened={falseMatchOpened}
        onClose={falseMatch.close}
        onSubmit={(reason) =>
          verdict.run({ overlapId: overlap.id, verdict: 'false_match', reason }).then((result) => {
            done(result);
            return !result.error;
          })
        }
        busy={verdict.fetching}
      />
    </>
  );
}
