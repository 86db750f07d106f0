import { Anchor, Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { FormattedMessage, useIntl } from 'react-intl';
import { Link } from 'react-router';
import type { OverlapFieldsFragment } from '../../../gql/graphql';
import { formatDateTime } from '../../../ui/format';
import { strengthLabel } from '../../notifications/utils/notification-text';
import { contactLine } from '../utils/contact-line';
import { matchedKindsText } from '../utils/match-kinds';
import { OverlapActions } from './OverlapActions';
import { StrengthBadge } from './StrengthBadge';

/**
 * One overlap as our side sees it: our case, the strength and the kinds of
 * key that matched, and — once both sides agreed, or an agreement says so —
 * the other organisation's name.
 */
export function OverlapCard({
  overlap,
  mayAct,
  onChanged,
}: {
  overlap: OverlapFieldsFragment;
  mayAct: boolean;
  onChanged: () => void;
}) {
  const intl = useIntl();
  const retracted = overlap.retractedAt !== null;
  const contact = contactLine(overlap);
  const reference = (
    <Anchor component={Link} to={`/cases/${overlap.myCase.id}`} fw={600}>
      <bdi>{overlap.myCase.reference}</bdi>
    </Anchor>
  );

  return (
    <Paper
      withBorder
      p="md"
      data-testid="overlap"
      data-overlap-id={overlap.id}
      data-state={retracted ? 'retracted' : 'open'}
      data-contact={overlap.contactStatus}
      bg={retracted ? 'var(--mantine-color-gray-1)' : undefined}
    >
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Group gap="xs">
            <StrengthBadge strength={overlap.strength} />
            {retracted && (
              <Badge color="gray" variant="outline" tt="none">
                <FormattedMessage id="overlap.retracted" />
              </Badge>
            )}
            {overlap.myVerdict === 'confirmed' && (
              <Badge color="teal" variant="light" tt="none">
                <FormattedMessage id="overlap.confirmedByUs" />
              </Badge>
            )}
            {overlap.myVerdict === 'false_match' && (
              <Badge color="gray" variant="light" tt="none">
                <FormattedMessage id="overlap.falseMatchByUs" />
              </Badge>
            )}
          </Group>
          <Text size="sm" c="dimmed">
            {formatDateTime(intl, overlap.createdAt)}
          </Text>
        </Group>
        <Text data-testid="overlap-summary">
          {overlap.otherOrganisation ? (
            <FormattedMessage
              id="overlap.summaryRevealed"
              values={{
                reference,
                organisation: (
                  <Text span fw={600} data-testid="overlap-organisation">
                    <bdi>{overlap.otherOrganisation.name}</bdi>
                  </Text>
                ),
              }}
            />
          ) : (
            <FormattedMessage id="overlap.summary" values={{ reference }} />
          )}
        </Text>
        <Text size="sm" data-testid="overlap-explanation">
          <FormattedMessage
            id="overlap.matchedOn"
            values={{
              strength: strengthLabel(intl, overlap.strength),
              kinds: matchedKindsText(intl, overlap.matchedKinds),
            }}
          />
        </Text>
        {overlap.counterpartChange && (
          <Text size="sm" fw={600} data-testid="overlap-counterpart-change">
            <FormattedMessage
              id={`overlap.counterpart.${overlap.counterpartChange.kind === 'withdrawn' ? 'withdrawn' : overlap.counterpartChange.kind === 'left' ? 'left' : 'changed'}`}
              values={{ date: formatDateTime(intl, overlap.counterpartChange.at) }}
            />
          </Text>
        )}
        {retracted && (
          <Text size="sm">
            <FormattedMessage id="overlap.retractedBody" />
          </Text>
        )}
        {overlap.myVerdict === 'false_match' && overlap.myReason && (
          <Text size="sm">
            <FormattedMessage
              id="overlap.falseMatchReason"
              values={{ reason: <bdi>{overlap.myReason}</bdi> }}
            />
          </Text>
        )}
        {contact && !retracted && (
          <Text size="sm" data-testid="overlap-contact">
            <FormattedMessage id={contact} />
          </Text>
        )}
        {overlap.revealed && overlap.clusterId && (
          <Anchor
            component={Link}
            to={`/clusters/${overlap.clusterId}`}
            size="sm"
            fw={600}
            data-testid="overlap-open-coordination"
          >
            <FormattedMessage id="clusters.openCoordination" />
          </Anchor>
        )}
        <OverlapActions overlap={overlap} mayAct={mayAct} onChanged={onChanged} />
      </Stack>
    </Paper>
  );
}
