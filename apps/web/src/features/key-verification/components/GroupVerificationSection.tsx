import { Stack, Text, Title } from '@mantine/core';
import {
  certifyCoordinator,
  certifyOrgAdmin,
  directoryTrust,
  keyBundleOf,
  type KeyHolder,
} from '@parallax/hub-client';
import { useMemo } from 'react';
import { FormattedMessage } from 'react-intl';
import type { Column } from '../../../ui/DataTable';
import { QueryStatusText } from './QueryStatusText';
import { useGroupPins } from '../../group-keys/hooks/pins';
import { useKeyDirectory } from '../hooks/useKeyDirectory';
import { useVerifier } from '../hooks/useVerifier';
import { certificateStatus, type VerificationStatus } from '../utils/status';
import { VerificationTable, type VerificationRow } from './VerificationTable';

/** Certificate statuses (a pin only turns a coordinator verified or changed), never pinned/unseen. */
interface Row extends VerificationRow {
  status: VerificationStatus;
}

/**
 * Coordinator, on the working-group page: each member organisation's admins
 * and the other coordinators, with whether this device holds a valid
 * certificate chain for their current keys, and "Verify" — a safety-number
 * check, then a certificate signed here.
 */
export function GroupVerificationSection({ workingGroupId }: { workingGroupId: string }) {
  const verifier = useVerifier();
  const { viewer, me, owner, request, groupKeys, run } = verifier;
  const { state, refresh } = useKeyDirectory(workingGroupId);
  const pins = useGroupPins(workingGroupId);

  const rows = useMemo(() => {
    if (state.status !== 'ready') return { admins: [], coordinators: [] };
    const { directory } = state;
    const trust = directoryTrust(directory, {
      viewerUserId: viewer.user.id,
      workingGroupId,
      pins,
    });
    // This device trusts its own keys, and the coordinators it pinned or that a root certified.
    const issuers = new Map(trust.roots);
    if (me) issuers.set(me.userId, me);
    const row = (holder: KeyHolder, kind: 'org_admin' | 'coordinator'): Row => {
      const bundle = keyBundleOf(holder);
      const pinned = pins[holder.userId];
      let status = certificateStatus(bundle, kind, workingGroupId, directory.certificates, issuers);
      if (kind === 'coordinator' && status !== 'noKey') {
        if (trust.changedCoordinators.includes(holder.userId)) status = 'changed';
        else if (pinned?.verified && trust.roots.has(holder.userId)) status = 'verified';
      }
      return { holder, bundle, status };
    };
    const others = directory.holders.filter((h) => h.userId !== viewer.user.id);
    return {
      admins: others
        .filter((h) => !h.isCoordinator && h.role === 'org_admin')
        .map((h) => row(h, 'org_admin')),
      coordinators: others.filter((h) => h.isCoordinator).map((h) => row(h, 'coordinator')),
    };
  }, [state, pins, me, viewer.user.id, workingGroupId]);

  const verify = (kind: 'org_admin' | 'coordinator') => (r: Row) =>
    run(r.holder.displayName, async () => {
      if (!owner) return;
      const certify = kind === 'org_admin' ? certifyOrgAdmin : certifyCoordinator;
      await certify(request, { workingGroupId, subject: r.holder, me: owner });
      await refresh();
      // Share the key with them now, from this open device.
      groupKeys.requestSync(workingGroupId);
    });

  const organisationColumn: Column<Row> = {
    key: 'organisation',
    header: 'groups.organisation',
    cell: (r) => <bdi>{r.holder.organisationName ?? '—'}</bdi>,
  };

  return (
    <Stack gap="sm" component="section" data-testid="group-verification">
      <Title order={2} size="h3">
        <FormattedMessage id="verify.adminsTitle" />
      </Title>
      <Text size="sm">
        <FormattedMessage id="verify.adminsIntro" />
      </Text>
      {!me && (
        <Text size="sm" c="dimmed">
          <FormattedMessage id="verify.unlockFirst" />
        </Text>
      )}
      <QueryStatusText state={state} />
      {state.status === 'ready' && (
        <>
          <VerificationTable
            rows={rows.admins}
            verifier={verifier}
            onVerify={verify('org_admin')}
            extraColumns={[organisationColumn]}
            rowTestId="verify-admin"
            empty="verify.noneToVerify"
            data-testid="verify-admins"
          />
          {rows.coordinators.length > 0 && (
            <>
              <Title order={3} size="h4">
                <FormattedMessage id="verify.coordinatorsTitle" />
              </Title>
              <VerificationTable
                rows={rows.coordinators}
                verifier={verifier}
                onVerify={verify('coordinator')}
                rowTestId="verify-coordinator"
                data-testid="verify-coordinators"
              />
            </>
          )}
        </>
      )}
    </Stack>
  );
}
