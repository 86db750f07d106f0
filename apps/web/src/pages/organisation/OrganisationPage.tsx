import { Badge, Group, NativeSelect, Stack, Text, Title } from '@mantine/core';
import { FormattedMessage, useIntl } from 'react-intl';
import { useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { usePermissions } from '../../features/auth/hooks/permissions';
import { useViewer } from '../../features/auth/hooks/session';
import { OrganisationDirectoryDocument } from '../../gql/graphql';
import { usePageTitle } from '../../shell/usePageTitle';
import { InvitationsSection } from '../../features/organisation/components/InvitationsSection';
import { LeadNegotiatorsSection } from '../../features/organisation/components/LeadNegotiatorsSection';
import { OverlapAlertLevelSection } from '../../features/organisation/components/OverlapAlertLevelSection';
import { PendingGroupInvitations } from '../../features/organisation/components/PendingGroupInvitations';
import { ReferencePatternSection } from '../../features/organisation/components/ReferencePatternSection';
import { UsersSection } from '../../features/organisation/components/UsersSection';
import { UnlockKeys } from '../../features/auth/components/UnlockKeys';
import { fingerprintingGroups } from '../../features/group-keys/utils/eligibility';
import { CoordinatorPinsSection } from '../../features/key-verification/components/CoordinatorPinsSection';
import { MemberVerificationSection } from '../../features/key-verification/components/MemberVerificationSection';
import { useWorkingGroups } from '../../features/working-groups/hooks/useWorkingGroups';

/**
 * The viewer's organisation: its people, invitations and working-group
 * invitations. A platform admin, who belongs to none, picks one.
 */
export function OrganisationPage() {
  usePageTitle('nav.organisation');
  const intl = useIntl();
  const viewer = useViewer();
  const can = usePermissions();
  const [params, setParams] = useSearchParams();
  const picks = viewer.organisation === null;
  const [{ data }] = useQuery({ query: OrganisationDirectoryDocument, pause: !picks });
  const directory = data?.organisations ?? [];
  const organisationId = viewer.organisation?.id ?? params.get('id') ?? directory[0]?.id ?? null;
  const organisation =
    viewer.organisation ?? directory.find((o) => o.id === organisationId) ?? null;
  // Org admins (who may update their organisation's users) verify their colleagues' keys.
  const mayVerifyMembers =
    organisationId !== null &&
    viewer.organisation?.id === organisationId &&
    can({ action: 'update', subject: 'User', record: { id: '', organisationId } });
  const keyGroups = fingerprintingGroups(viewer.actor);
  const { names } = useWorkingGroups();
  // Its own admins set the organisation's case reference pattern.
  const maySetReferencePattern =
    organisationId !== null &&
    viewer.organisation?.id === organisationId &&
    can({ action: 'update', subject: 'Organisation', record: { id: organisationId } });
  const mayReadInvitations =
    organisationId !== null &&
    can({ action: 'read', subject: 'Invitation', record: { id: '', organisationId } });

  return (
    <Stack gap="lg" maw={1000} data-testid="organisation-page">
      <Stack gap={4}>
        <Title order={1}>
          {organisation ? (
            <bdi>{organisation.name}</bdi>
          ) : (
            <FormattedMessage id="nav.organisation" />
          )}
        </Title>
        {organisation && (
          <Group gap="xs">
            <Badge variant="light" tt="none">
              {intl.formatMessage({ id: `kind.${organisation.kind}` })}
            </Badge>
          </Group>
        )}
      </Stack>
      {picks && (
        <NativeSelect
          label={intl.formatMessage({ id: 'organisation.pick' })}
          value={organisationId ?? ''}
          onChange={(event) => setParams({ id: event.currentTarget.value }, { replace: true })}
          data={directory.map((o) => ({ value: o.id, label: o.name }))}
          maw={420}
        />
      )}
      {!picks && <PendingGroupInvitations />}
      {organisationId === null ? (
        <Text c="dimmed">
          <FormattedMessage id="organisation.none" />
        </Text>
      ) : (
        <>
          {(mayVerifyMembers || keyGroups.length > 0) && <UnlockKeys />}
          {keyGroups.length > 0 && (
            <CoordinatorPinsSection
              groups={keyGroups.map((id) => ({ id, name: names.get(id) ?? id }))}
            />
          )}
          {mayVerifyMembers && (
            <MemberVerificationSection
              organisationId={organisationId}
              workingGroupId={keyGroups[0] ?? null}
            />
          )}
          <UsersSection organisationId={organisationId} />
          {mayReadInvitations && <InvitationsSection organisationId={organisationId} />}
          {maySetReferencePattern && <ReferencePatternSection organisationId={organisationId} />}
          {maySetReferencePattern && viewer.actor.organisationKind === 'cso' && (
            <LeadNegotiatorsSection organisationId={organisationId} />
          )}
          {/* Its members read which overlaps notify them; its admins change it. */}
          {viewer.organisation?.id === organisationId &&
            viewer.actor.organisationKind === 'cso' && (
              <OverlapAlertLevelSection
                organisationId={organisationId}
                mayEdit={maySetReferencePattern}
              />
            )}
        </>
      )}
    </Stack>
  );
}
