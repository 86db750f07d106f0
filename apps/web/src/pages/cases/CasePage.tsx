import { Alert, Anchor, Group, Stack, Text } from '@mantine/core';
import { useCallback, useMemo } from 'react';
import { FormattedMessage } from 'react-intl';
import { Link, useLocation, useParams } from 'react-router';
import { useQuery } from 'urql';
import { CaseDetail } from '../../features/cases/components/CaseDetail';
import { CaseDetailDocument } from '../../gql/graphql';
import { errorCode } from '../../graphql/errors';
import { useRetryOnReconnect } from '../../graphql/network-status';
import { usePageTitle } from '../../shell/usePageTitle';
import { BackIcon, CheckIcon } from '../../ui/icons';
import { QueryStatus } from '../../ui/QueryStatus';
import { usePolling } from '../../ui/usePolling';
import { NotFoundPage } from '../NotFoundPage';
import type { RegisteredState } from './RegisterCasePage';

/** The page of one case (`/cases/:id`), kept fresh while open. */
export function CasePage() {
  usePageTitle('cases.caseTitle');
  const { id = '' } = useParams();
  const location = useLocation();
  const registered = (location.state as RegisteredState | null)?.registered;
  const context = useMemo(() => ({ additionalTypenames: ['Overlap', 'TrackingCase'] }), []);
  const [detail, reexecute] = useQuery({ query: CaseDetailDocument, variables: { id }, context });
  const refresh = useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute]);
  useRetryOnReconnect(refresh);
  usePolling(refresh);

  if (!detail.data && errorCode(detail.error) === 'NOT_FOUND') return <NotFoundPage />;
  return (
    <Stack gap="lg" maw={900} data-testid="case-page">
      <Anchor component={Link} to="/cases" size="sm">
        <Group gap={4} wrap="nowrap">
          <BackIcon size={16} />
          <FormattedMessage id="cases.back" />
        </Group>
      </Anchor>
      {registered && (
        <Alert
          color="teal"
          variant="light"
          icon={<CheckIcon />}
          role="status"
          data-testid="case-registered"
        >
          <Text size="sm">
            <FormattedMessage
              id={registered === 'created' ? 'cases.registered' : 'cases.alreadyRegistered'}
            />
          </Text>
        </Alert>
      )}
      <QueryStatus {...detail} onRetry={refresh}>
        {(data) => <CaseDetail data={data} onChanged={refresh} />}
      </QueryStatus>
    </Stack>
  );
}
