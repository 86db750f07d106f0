import { Stack, Text, Title } from '@mantine/core';
import { FormattedMessage } from 'react-intl';
import { useQuery } from 'urql';
import { AuditEntries } from '../../features/audit/components/AuditEntries';
import { AuditFilters } from '../../features/audit/components/AuditFilters';
import { ChainBanner } from '../../features/audit/components/ChainBanner';
import { CheckpointBanner } from '../../features/audit/components/CheckpointBanner';
import { AUDIT_PAGE_SIZE, useAuditLog } from '../../features/audit/hooks/useAuditLog';
import { AuditLogDocument } from '../../gql/graphql';
import { usePageTitle } from '../../shell/usePageTitle';

/** The hash-chained audit log, newest first, as far as the policy lets the viewer see it. */
export function AuditPage() {
  usePageTitle('nav.audit');
  const log = useAuditLog();

  // The newest page's query is shared (same variables) with the log's first page.
  const [{ data: first }] = useQuery({
    query: AuditLogDocument,
    variables: { ...log.filter, beforeSeq: null, limit: AUDIT_PAGE_SIZE },
  });

  return (
    <Stack gap="lg" maw={1100} data-testid="audit-page">
      <Title order={1}>
        <FormattedMessage id="nav.audit" />
      </Title>
      <Text>
        <FormattedMessage id="audit.intro" />
      </Text>
      {first && <ChainBanner verification={first.auditLog.verification} />}
      <CheckpointBanner />
      <AuditFilters filter={log.filter} onChange={log.setFilter} />
      <AuditEntries log={log} />
    </Stack>
  );
}
