import { Alert, Anchor, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useCallback, useMemo, useState, type FormEvent, type ReactNode } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Link, useLocation, useParams } from 'react-router';
import { useQuery } from 'urql';
import { UnlockKeys } from '../../auth/UnlockKeys';
import { useViewer } from '../../auth/session';
import { emptyPerson, hasIdentifiers, personFromForm } from '../../cases/person-form';
import { fingerprintPerson, NO_KEYS } from '../../cases/register';
import { useUnlockedKeys } from '../../crypto/key-store';
import { useFingerprinterFactory } from '../../fingerprinting/fingerprinter';
import {
  CaseDetailDocument,
  RefingerprintCaseDocument,
  WithdrawCaseDocument,
  type CaseFieldsFragment,
} from '../../gql/graphql';
import { fingerprintingGroups } from '../../group-keys/eligibility';
import { useGroupKey } from '../../group-keys/store';
import { errorCode } from '../../graphql/errors';
import { useRetryOnReconnect } from '../../graphql/network-status';
import { useAction } from '../../graphql/use-action';
import { hubErrorCode, hubErrorMessageId, useHubRequest } from '../../hub/hub-request';
import { usePageTitle } from '../../shell/usePageTitle';
import { ActionError } from '../../ui/ActionError';
import { ConfirmButton } from '../../ui/ConfirmButton';
import { formatDateTime } from '../../ui/format';
import { AlertIcon, BackIcon, CheckIcon } from '../../ui/icons';
import { QueryStatus } from '../../ui/QueryStatus';
import { usePolling } from '../../ui/usePolling';
import { NotFoundPage } from '../NotFoundPage';
import { OverlapCard } from '../overlaps/OverlapCard';
import { GroupKeyNotice } from './GroupKeyNotice';
import { statusLabel, tagsText } from './labels';
import { PersonFields } from './PersonFields';
import type { RegisteredState } from './RegisterCasePage';
import { useWorkingGroups } from './use-working-groups';

function Fact({ label, children }: { label: ReactNode; children: ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text>{children}</Text>
    </Stack>
  );
}

/** One case: its label, tags and counts, what to do if the key was rotated, and its overlaps. */
export function CasePage() {
  usePageTitle('cases.caseTitle');
  const intl = useIntl();
  const { id = '' } = useParams();
  const location = useLocation();
  const registered = (location.state as RegisteredState | null)?.registered;
  const viewer = useViewer();
  const groups = useWorkingGroups();
  const context = useMemo(() => ({ additionalTypenames: ['Overlap', 'TrackingCase'] }), []);
  const [detail, reexecute] = useQuery({ query: CaseDetailDocument, variables: { id }, context });
  const refresh = useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute]);
  useRetryOnReconnect(refresh);
  usePolling(refresh);
  const withdraw = useAction(WithdrawCaseDocument);

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
        {({ case: c, overlaps }) => {
          const mayAct = fingerprintingGroups(viewer.actor).includes(c.workingGroupId);
          return (
            <Stack gap="xl">
              <Group justify="space-between" align="flex-start">
                <Stack gap={4}>
                  <Text size="sm" c="dimmed">
                    <FormattedMessage id="cases.caseTitle" />
                  </Text>
                  <Title order={1} data-testid="case-reference">
                    <bdi>{c.reference}</bdi>
                  </Title>
                </Stack>
                {mayAct && !c.withdrawnAt && (
                  <ConfirmButton
                    title={intl.formatMessage({ id: 'cases.withdrawTitle' })}
                    body={<FormattedMessage id="cases.withdrawBody" />}
                    onConfirm={() =>
                      void withdraw.run({ caseId: c.id }).then((r) => !r.error && refresh())
                    }
                    loading={withdraw.fetching}
                    data-testid="case-withdraw"
                  >
                    <FormattedMessage id="cases.withdraw" />
                  </ConfirmButton>
                )}
              </Group>
              <ActionError error={withdraw.error} onRetry={withdraw.retry} />
              {c.withdrawnAt && (
                <Alert color="gray" variant="light" role="note" data-testid="case-withdrawn">
                  <Text size="sm">
                    <FormattedMessage
                      id="cases.withdrawnBody"
                      values={{ date: formatDateTime(intl, c.withdrawnAt) }}
                    />
                  </Text>
                </Alert>
              )}
              <Paper withBorder p="md">
                <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="md">
                  <Fact label={<FormattedMessage id="cases.workingGroup" />}>
                    <bdi>{groups.names.get(c.workingGroupId) ?? '—'}</bdi>
                  </Fact>
                  <Fact label={<FormattedMessage id="cases.status" />}>
                    {statusLabel(intl, c.status)}
                  </Fact>
                  <Fact label={<FormattedMessage id="cases.tags" />}>
                    {tagsText(intl, c.situationTags, c.crimeTags)}
                  </Fact>
                  <Fact label={<FormattedMessage id="cases.fingerprints" />}>
                    <span data-testid="case-fingerprint-count">
                      {intl.formatNumber(c.fingerprintCount)}
                    </span>
                  </Fact>
                  <Fact label={<FormattedMessage id="cases.keyEpoch" />}>
                    {intl.formatNumber(c.epoch)}
                  </Fact>
                  <Fact label={<FormattedMessage id="cases.registeredAt" />}>
                    {formatDateTime(intl, c.createdAt)}
                  </Fact>
                </SimpleGrid>
              </Paper>
              {c.needsRefingerprint && !c.withdrawnAt && (
                <Refingerprint kase={c} mayAct={mayAct} onDone={refresh} />
              )}
              <Stack gap="sm" component="section" aria-labelledby="case-overlaps-title">
                <Title order={2} size="h3" id="case-overlaps-title">
                  <FormattedMessage id="cases.overlapsTitle" />
                </Title>
                {overlaps.length === 0 ? (
                  <Text data-testid="case-no-overlaps">
                    <FormattedMessage id="cases.noOverlaps" />
                  </Text>
                ) : (
                  overlaps.map((o) => (
                    <OverlapCard key={o.id} overlap={o} mayAct={mayAct} onChanged={refresh} />
                  ))
                )}
              </Stack>
            </Stack>
          );
        }}
      </QueryStatus>
    </Stack>
  );
}

/**
 * After a key rotation the case's fingerprints belong to the old epoch and
 * no longer match anything: the identifiers must be entered (or imported)
 * again from the organisation's own records — the hub never had them.
 */
function Refingerprint({
  kase,
  mayAct,
  onDone,
}: {
  kase: CaseFieldsFragment;
  mayAct: boolean;
  onDone: () => void;
}) {
  const intl = useIntl();
  const viewer = useViewer();
  const keys = useUnlockedKeys(viewer.user.id);
  const groupKey = useGroupKey(kase.workingGroupId);
  const request = useHubRequest();
  const fingerprinterFactory = useFingerprinterFactory();
  const update = useAction(RefingerprintCaseDocument);
  const [opened, setOpened] = useState(false);
  const [person, setPerson] = useState(emptyPerson);
  const [country, setCountry] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy || groupKey.status !== 'ready' || !keys || !hasIdentifiers(person)) return;
    setBusy(true);
    setFailure(null);
    const fingerprinter = fingerprinterFactory();
    try {
      const fingerprints = await fingerprintPerson({
        request,
        fingerprinter,
        workingGroupId: kase.workingGroupId,
        epoch: groupKey.epoch,
        groupKey: groupKey.groupKey,
        person: personFromForm(person),
        ...(country ? { defaultPhoneCountry: country } : {}),
      });
      const result = await update.run({
        caseId: kase.id,
        input: { epoch: groupKey.epoch, fingerprints },
      });
      if (!result.error) {
        setPerson(emptyPerson());
        setOpened(false);
        onDone();
      }
    } catch (caught) {
      setFailure(caught);
    } finally {
      fingerprinter.dispose();
      setBusy(false);
    }
  };

  return (
    <Paper
      withBorder
      p="md"
      bg="var(--mantine-color-orange-light)"
      component="section"
      aria-labelledby="refingerprint-title"
      data-testid="case-needs-refingerprint"
    >
      <Stack gap="sm">
        <Group gap="xs" wrap="nowrap">
          <AlertIcon />
          <Text size="sm" fw={600} id="refingerprint-title">
            <FormattedMessage id="cases.needsRefingerprintTitle" />
          </Text>
        </Group>
        <Text size="sm">
          <FormattedMessage id="cases.needsRefingerprintBody" />
        </Text>
        {mayAct && !opened && (
          <Group>
            <Button size="xs" variant="default" onClick={() => setOpened(true)}>
              <FormattedMessage id="cases.reenter" />
            </Button>
          </Group>
        )}
        {mayAct && opened && !keys && <UnlockKeys />}
        {mayAct && opened && (
          <form onSubmit={(event) => void submit(event)} noValidate>
            <Stack gap="md">
              <GroupKeyNotice workingGroupId={kase.workingGroupId} unlock={false} />
              <PersonFields
                value={person}
                onChange={setPerson}
                defaultPhoneCountry={country}
                onDefaultPhoneCountry={setCountry}
              />
              {failure !== null && (
                <Text size="sm" c="var(--mantine-color-error)" role="alert">
                  <FormattedMessage
                    id={
                      hubErrorCode(failure) === NO_KEYS
                        ? 'cases.noKeys'
                        : hubErrorMessageId(failure)
                    }
                  />
                </Text>
              )}
              <ActionError error={update.error} />
              <Group>
                <Button
                  type="submit"
                  loading={busy}
                  disabled={groupKey.status !== 'ready' || !keys}
                >
                  <FormattedMessage id="cases.reenterSubmit" />
                </Button>
                <Button variant="default" onClick={() => setOpened(false)}>
                  {intl.formatMessage({ id: 'action.cancel' })}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
      </Stack>
    </Paper>
  );
}
