import { Group, Stack, Text, Title } from '@mantine/core';
import { useCallback, useMemo } from 'react';
import { FormattedMessage } from 'react-intl';
import { AuditEntries } from '../../features/audit/components/AuditEntries';
import { AuditExport } from '../../features/audit/components/AuditExport';
import { AuditFilters } from '../../features/audit/components/AuditFilters';
import { ChainBanner } from '../../features/audit/components/ChainBanner';
import { CheckpointBanner } from '../../features/audit/components/CheckpointBanner';
import { useAuditExport } from '../../features/audit/hooks/useAuditExport';
import { useAuditFilter } from '../../features/audit/hooks/useAuditFilter';
import { useAuditLog } from '../../features/audit/hooks/useAuditLog';
import { useAuditScopes } from '../../features/audit/hooks/useAuditScopes';
import { auditFileName } from '../../features/audit/utils/audit-csv';
import { usePageTitle } from '../../shell/usePageTitle';

/** The hash-chained audit log, newest first, as far as the policy lets the viewer see it. */
export function AuditPage() {
  usePageTitle('nav.audit');
  const { filter, variables, invalidRange, setFilter } = useAuditFilter();
  const log = useAuditLog(variables, invalidRange);
  const scopes = useAuditScopes();
  const names = useMemo(
    () => ({
      organisations: new Map(scopes.organisations.map((o) => [o.id, o.name])),
      workingGroups: new Map(scopes.workingGroups.map((g) => [g.id, g.name])),
    }),
    [scopes.organisations, scopes.workingGroups],
  );
  const fileName = useCallback(() => {
    const id = filter.workingGroupId ?? filter.organisationId;
    const label = id ? (names.workingGroups.get(id) ?? names.organisations.get(id) ?? null) : null;
    return auditFileName({ id, label }, new Date());
  }, [filter.workingGroupId, filter.organisationId, names]);
  const exporter = useAuditExport(variables, names, fileName);
  // The last answer's (urql keeps it while the next page loads): the banner does not blink.
  const verification = invalidRange ? undefined : log.page.data?.auditLog.verification;

  return (
    <Stack gap="lg" maw={1100} data-testid="audit-page">
      <Title order={1}>
        <FormattedMessage id="nav.audit" />
      </Title>
      <Text>
        <FormattedMessage id="audit.intro" />
      </Text>
      {verification && <ChainBanner verification={verification} />}
      <CheckpointBanner />
      <AuditFilters
        filter={filter}
        scopes={scopes}
        invalidRange={invalidRange}
        onChange={setFilter}
      />
      <Group justify="flex-end">
        <AuditExport exporter={exporter} disabled={invalidRange || log.totalCount === 0} />
      </Group>
      {!invalidRange && <AuditEntries log={log} />}
    </Stack>
  );
}
