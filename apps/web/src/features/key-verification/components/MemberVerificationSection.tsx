import { Stack, Text, Title } from '@mantine/core';
import { certifyMember, keyBundleOf, type KeyHolder } from '@parallax/hub-client';
import type { KeyBundle } from '@parallax/identity';
import { useMemo } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { DataTable, type Column } from '../../../ui/DataTable';
import { useKeyDirectory } from '../hooks/useKeyDirectory';
import { useVerifier } from '../hooks/useVerifier';
import { certificateStatus, type VerificationStatus } from '../utils/status';
import { QueryStatusText } from './QueryStatusText';
import { VerificationBadge } from './VerificationBadge';
import { VerifyButton } from './VerifyButton';
import { VerifyError } from './VerifyError';

interface Row {
  holder: KeyHolder;
  bundle: KeyBundle | null;
  status: VerificationStatus;
}

/**
 * Org admin, on the organisation page: the organisation's people who hold
 * working-group keys, whether an admin of the organisation has verified
 * their current keys, and "Verify" (a `member` certificate, valid in every
 * group the organisation belongs to). The keys come from the directory of
 * one of the organisation's groups: it lists the same people in each.
 */
export function MemberVerificationSection({
  organisationId,
  workingGroupId,
}: {
  organisationId: string;
  /** Any group the organisation is an active member of. */
  workingGroupId: string | null;
}) {
  const intl = useIntl();
  const verifier = useVerifier();
  const { viewer, me, owner, request, groupKeys, run } = verifier;
  const { state, refresh } = useKeyDirectory(workingGroupId);

  const rows = useMemo<Row[]>(() => {
    if (state.status !== 'ready') return [];
    const ours = state.directory.holders.filter(
      (h) => h.organisationId === organisationId && !h.isCoordinator,
    );
    // A member certificate counts when an admin of this organisation signed it over the current keys.
    const admins = new Map<string, KeyBundle>();
    for (const h of ours) {
      const bundle = h.role === 'org_admin' ? keyBundleOf(h) : null;
      if (bundle) admins.set(h.userId, bundle);
    }
    if (me) admins.set(me.userId, me);
    return ours
      .filter((h) => h.userId !== viewer.user.id)
      .map((holder) => {
        const bundle = keyBundleOf(holder);
        return {
          holder,
          bundle,
          status: certificateStatus(bundle, 'member', null, state.directory.certificates, admins),
        };
      });
  }, [state, me, organisationId, viewer.user.id]);

  const columns: Column<Row>[] = [
    { key: 'person', header: 'verify.person', cell: (r) => <bdi>{r.holder.displayName}</bdi> },
    {
      key: 'role',
      header: 'verify.role',
      cell: (r) =>
        r.holder.role
          ? intl.formatMessage({ id: `role.${r.holder.role}` as 'role.org_admin' })
          : '—',
    },
    {
      key: 'status',
      header: 'invitations.status',
      cell: (r) => <VerificationBadge status={r.status} />,
    },
    {
      key: 'actions',
      header: 'table.actions',
      hiddenHeader: true,
      cell: (r) =>
        me && r.bundle && r.status !== 'verified' ? (
          <VerifyButton
            me={me}
            other={r.bundle}
            name={r.holder.displayName}
            again={r.status === 'changed'}
            onOpen={verifier.clearError}
            onMatch={() =>
              run(r.holder.displayName, async () => {
                if (!owner) return;
                await certifyMember(request, { subject: r.holder, me: owner });
                await refresh();
                for (const id of viewer.actor.memberOf) groupKeys.requestSync(id);
              })
            }
            busy={verifier.busy}
            error={<VerifyError error={verifier.error} />}
          />
        ) : null,
    },
  ];

  return (
    <Stack gap="sm" component="section" data-testid="member-verification">
      <Title order={2} size="h3">
        <FormattedMessage id="verify.membersTitle" />
      </Title>
      <Text size="sm">
        <FormattedMessage id="verify.membersIntro" />
      </Text>
      {workingGroupId === null ? (
        <Text size="sm" c="dimmed">
          <FormattedMessage id="verify.noGroup" />
        </Text>
      ) : (
        <>
          {!me && (
            <Text size="sm" c="dimmed">
              <FormattedMessage id="verify.unlockFirst" />
            </Text>
          )}
          <QueryStatusText state={state} />
          {state.status === 'ready' && (
            <DataTable
              columns={columns}
              rows={rows}
              rowKey={(r) => r.holder.userId}
              rowTestId={() => 'verify-member'}
              rowAttributes={(r) => ({ 'data-user': r.holder.userId, 'data-status': r.status })}
              empty="verify.noneToVerify"
              data-testid="verify-members"
            />
          )}
        </>
      )}
    </Stack>
  );
}
