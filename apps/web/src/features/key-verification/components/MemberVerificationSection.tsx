import { Stack, Text, Title } from '@mantine/core';
import { certifyMember, keyBundleOf } from '@parallax/hub-client';
import type { KeyBundle } from '@parallax/identity';
import { useMemo } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { Column } from '../../../ui/DataTable';
import { useKeyDirectory } from '../hooks/useKeyDirectory';
import { useVerifier } from '../hooks/useVerifier';
import { certificateStatus, type VerificationStatus } from '../utils/status';
import { QueryStatusText } from './QueryStatusText';
import { VerificationTable, type VerificationRow } from './VerificationTable';

/** Certificate statuses only: members are never pinned. */
interface Row extends VerificationRow {
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

  const roleColumn: Column<Row> = {
    key: 'role',
    header: 'verify.role',
    cell: (r) =>
      r.holder.role ? intl.formatMessage({ id: `role.${r.holder.role}` as 'role.org_admin' }) : '—',
  };

  const verify = (r: Row) =>
    run(r.holder.displayName, async () => {
      if (!owner) return;
      await certifyMember(request, { subject: r.holder, me: owner });
      await refresh();
      for (const id of viewer.actor.memberOf) groupKeys.requestSync(id);
    });

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
            <VerificationTable
              rows={rows}
              verifier={verifier}
              onVerify={verify}
              extraColumns={[roleColumn]}
              rowTestId="verify-member"
              empty="verify.noneToVerify"
              data-testid="verify-members"
            />
          )}
        </>
      )}
    </Stack>
  );
}
