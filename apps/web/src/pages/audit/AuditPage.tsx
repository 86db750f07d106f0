import { Group, NativeSelect, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useQuery } from 'urql';
import { usePermissions } from '../../auth/permissions';
import { useViewer } from '../../auth/session';
import {
  AuditLogDocument,
  OrganisationDirectoryDocument,
  WorkingGroupsDocument,
} from '../../gql/graphql';
import { usePageTitle } from '../../shell/usePageTitle';
import { AUDIT_PAGE_SIZE, AuditEntries, type AuditFilter } from './AuditEntries';
import { ChainBanner } from './ChainBanner';

/** The hash-chained audit log, newest first, as far as the policy lets the viewer see it. */
export function AuditPage() {
  usePageTitle('nav.audit');
  const intl = useIntl();
  const viewer = useViewer();
  const can = usePermissions();
  const [filter, setFilter] = useState<AuditFilter>({ organisationId: null, workingGroupId: null });
  const [cursors, setCursors] = useState<Array<string | null>>([null]);

  const [{ data: directory }] = useQuery({
    query: OrganisationDirectoryDocument,
    pause: !viewer.actor.isPlatformAdmin,
  });
  const [{ data: groups }] = useQuery({ query: WorkingGroupsDocument });
  // The first page's query is shared (same variables) with the first AuditEntries.
  const [{ data: first }] = useQuery({
    query: AuditLogDocument,
    variables: { ...filter, beforeSeq: null, limit: AUDIT_PAGE_SIZE },
  });

  const organisations = (
    viewer.actor.isPlatformAdmin
      ? (directory?.organisations ?? [])
      : viewer.organisation
        ? [viewer.organisation]
        : []
  ).filter((o) =>
    can({
      action: 'read',
      subject: 'AuditEntry',
      record: { organisationId: o.id, workingGroupId: null, actorUserId: null },
    }),
  );
  const workingGroups = (groups?.workingGroups ?? []).filter((g) =>
    can({
      action: 'read',
      subject: 'AuditEntry',
      record: { organisationId: null, workingGroupId: g.id, actorUserId: null },
    }),
  );

  const update = (patch: Partial<AuditFilter>) => {
    setFilter((previous) => ({ ...previous, ...patch }));
    setCursors([null]);
  };

  return (
    <Stack gap="lg" maw={1100} data-testid="audit-page">
      <Title order={1}>
        <FormattedMessage id="nav.audit" />
      </Title>
      <Text>
        <FormattedMessage id="audit.intro" />
      </Text>
      {first && <ChainBanner verification={first.auditLog.verification} />}
      {(organisations.length > 0 || workingGroups.length > 0) && (
        <Group gap="sm" align="flex-end">
          {organisations.length > 0 && (
            <NativeSelect
              label={intl.formatMessage({ id: 'audit.filterOrganisation' })}
              value={filter.organisationId ?? ''}
              onChange={(event) => update({ organisationId: event.currentTarget.value || null })}
              data={[
                { value: '', label: intl.formatMessage({ id: 'audit.all' }) },
                ...organisations.map((o) => ({ value: o.id, label: o.name })),
              ]}
              miw={240}
            />
          )}
          {workingGroups.length > 0 && (
            <NativeSelect
              label={intl.formatMessage({ id: 'audit.filterGroup' })}
              value={filter.workingGroupId ?? ''}
              onChange={(event) => update({ workingGroupId: event.currentTarget.value || null })}
              data={[
                { value: '', label: intl.formatMessage({ id: 'audit.all' }) },
                ...workingGroups.map((g) => ({ value: g.id, label: g.name })),
              ]}
              miw={240}
            />
          )}
        </Group>
      )}
      <Stack gap="sm">
        {cursors.map((beforeSeq, index) => (
          <AuditEntries
            key={beforeSeq ?? 'first'}
            filter={filter}
            beforeSeq={beforeSeq}
            isLast={index === cursors.length - 1}
            onMore={(seq) => setCursors((previous) => [...previous, seq])}
          />
        ))}
      </Stack>
    </Stack>
  );
}
