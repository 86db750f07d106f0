import {
  Alert,
  Button,
  Fieldset,
  Group,
  Input,
  NativeSelect,
  Paper,
  Progress,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { CASE_REFERENCE_PATTERN } from '@parallax/domain';
import { useEffect, useId, useRef, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Link } from 'react-router';
import { useViewer } from '../../auth/session';
import { runImport, type ReceiptLine } from '../../cases/import-run';
import { useUnlockedKeys } from '../../crypto/key-store';
import { useFingerprinterFactory, type Fingerprinter } from '../../fingerprinting/fingerprinter';
import { DEFAULT_REFERENCE_PREFIX } from '../../fingerprinting/idempotency';
import type { ImportFormat, ImportPreview } from '../../fingerprinting/protocol';
import { useGroupKey } from '../../group-keys/store';
import { hubErrorCode, hubErrorMessageId, useHubRequest } from '../../hub/hub-request';
import type { MessageId } from '../../i18n/messages';
import { useCountryOptions } from '../../ui/countries';
import { AlertIcon, CheckIcon } from '../../ui/icons';
import { CaseTagsFields, defaultTags, type CaseTags } from './CaseTagsFields';
import { GroupKeyNotice } from './GroupKeyNotice';
import { CSV_PERSON_PROPERTIES_SHOWN } from './import-targets';
import { FingerprintingPage } from './FingerprintingPage';

/** A column target as people read it. */
function targetLabel(intl: ReturnType<typeof useIntl>, target: string): string {
  if (target === 'ignore') return intl.formatMessage({ id: 'import.target.ignore' });
  if (target === 'id') return intl.formatMessage({ id: 'import.target.id' });
  if (target.startsWith('identifier:')) {
    return intl.formatMessage(
      { id: 'import.target.identifier' },
      { type: target.slice('identifier:'.length) },
    );
  }
  if ((CSV_PERSON_PROPERTIES_SHOWN as readonly string[]).includes(target)) {
    return intl.formatMessage({ id: `prop.${target}` as MessageId });
  }
  return target;
}

function formatOf(fileName: string): ImportFormat {
  return /\.(jsonl|ndjson|json|ftm)$/iu.test(fileName) ? 'jsonl' : 'csv';
}

interface Counts {
  created: number;
  existing: number;
  withoutKeys: number;
}

type Stage =
  | { step: 'choose' }
  | { step: 'reading' }
  | { step: 'preview'; preview: ImportPreview }
  | { step: 'importing'; preview: ImportPreview; position: number; next: number }
  | { step: 'done'; preview: ImportPreview; next: number; error: unknown };

/**
 * Bulk import of a CSV or FollowTheMoney JSON Lines file. The file is read by
 * the fingerprint worker on this device: a dry run shows what would be
 * registered (with masked samples), then the records are fingerprinted and
 * registered chunk by chunk. Nothing of the file leaves the device but
 * fingerprints and derived labels.
 */
export function ImportPage() {
  return (
    <FingerprintingPage
      titleId="import.title"
      privacyId="import.privacy"
      maw={1000}
      testId="import-page"
    >
      {(groups) => <Importer groups={groups} />}
    </FingerprintingPage>
  );
}

function Importer({ groups }: { groups: Array<{ id: string; name: string }> }) {
  const intl = useIntl();
  const viewer = useViewer();
  const keys = useUnlockedKeys(viewer.user.id);
  const request = useHubRequest();
  const factory = useFingerprinterFactory();
  const countries = useCountryOptions();
  const fileId = useId();
  const fingerprinter = useRef<Fingerprinter | null>(null);
  const file = useRef<File | null>(null);
  const stop = useRef(false);
  const [groupId, setGroupId] = useState(groups[0]?.id ?? '');
  const [format, setFormat] = useState<ImportFormat>('csv');
  const [country, setCountry] = useState('');
  const [mapping, setMapping] = useState<Record<string, string>>({});
  const [tags, setTags] = useState<CaseTags>(defaultTags);
  const [prefix, setPrefix] = useState(DEFAULT_REFERENCE_PREFIX);
  const [stage, setStage] = useState<Stage>({ step: 'choose' });
  const [readError, setReadError] = useState<unknown>(null);
  const [counts, setCounts] = useState<Counts>({ created: 0, existing: 0, withoutKeys: 0 });
  const [budget, setBudget] = useState<{ used: number; allowed: number } | null>(null);
  const receipt = useRef<Array<ReceiptLine | { recordId: string; noKeys: true }>>([]);
  const groupKey = useGroupKey(groupId);

  // The worker, with the file it read, ends with the page.
  useEffect(
    () => () => {
      fingerprinter.current?.dispose();
      fingerprinter.current = null;
    },
    [],
  );

  const worker = (): Fingerprinter => (fingerprinter.current ??= factory());

  const read = async (
    chosen: File,
    chosenFormat: ImportFormat,
    columns: Record<string, string>,
  ) => {
    setStage({ step: 'reading' });
    setReadError(null);
    try {
      const preview = await worker().run({
        kind: 'parse',
        file: chosen,
        format: chosenFormat,
        ...(chosenFormat === 'csv' && Object.keys(columns).length > 0 ? { mapping: columns } : {}),
        ...(country ? { defaultPhoneCountry: country } : {}),
      });
      setStage({ step: 'preview', preview });
    } catch (error) {
      setReadError(error);
      setStage({ step: 'choose' });
    }
  };

  const choose = (chosen: File | undefined) => {
    if (!chosen) return;
    file.current = chosen;
    const chosenFormat = formatOf(chosen.name);
    setFormat(chosenFormat);
    setMapping({});
    void read(chosen, chosenFormat, {});
  };

  const remap = (header: string, target: string) => {
    const next = { ...mapping, [header]: target };
    if (stage.step === 'preview' && stage.preview.mapping) {
      for (const m of stage.preview.mapping) next[m.header] ??= m.target;
    }
    setMapping(next);
    if (file.current) void read(file.current, format, next);
  };

  const prefixValid = CASE_REFERENCE_PATTERN.test(`${prefix}0123456789`);

  const start = async (preview: ImportPreview, from: number) => {
    if (groupKey.status !== 'ready' || !keys || !prefixValid) return;
    stop.current = false;
    if (from === 0) {
      setCounts({ created: 0, existing: 0, withoutKeys: 0 });
      receipt.current = [];
    }
    setStage({ step: 'importing', preview, position: from, next: from });
    const outcome = await runImport({
      request,
      fingerprinter: worker(),
      workingGroupId: groupId,
      epoch: groupKey.epoch,
      groupKey: groupKey.groupKey,
      status: tags.status,
      situationTags: tags.situationTags,
      crimeTags: tags.crimeTags,
      referencePrefix: prefix,
      ...(country ? { defaultPhoneCountry: country } : {}),
      from,
      total: preview.records,
      shouldStop: () => stop.current,
      onFingerprinting: (position) =>
        setStage((s) => (s.step === 'importing' ? { ...s, position } : s)),
      onChunk: ({ registered, withoutKeys }, next) => {
        receipt.current.push(
          ...registered,
          ...withoutKeys.map((r) => ({ recordId: r.recordId, noKeys: true as const })),
        );
        setCounts((c) => ({
          created: c.created + registered.filter((r) => r.created).length,
          existing: c.existing + registered.filter((r) => !r.created).length,
          withoutKeys: c.withoutKeys + withoutKeys.length,
        }));
        setStage((s) => (s.step === 'importing' ? { ...s, next, position: next } : s));
      },
      onBudget: (used, allowed) => setBudget({ used, allowed }),
    });
    setStage({ step: 'done', preview, next: outcome.next, error: outcome.error });
  };

  const reset = () => {
    fingerprinter.current?.dispose();
    fingerprinter.current = null;
    file.current = null;
    receipt.current = [];
    setMapping({});
    setStage({ step: 'choose' });
  };

  const downloadReceipt = () => {
    const quote = (v: string) => `"${v.replace(/"/gu, '""')}"`;
    const lines = [
      'record_id,reference,case_id,result',
      ...receipt.current.map((r) =>
        'noKeys' in r
          ? `${quote(r.recordId)},,,no_identifiers`
          : `${quote(r.recordId)},${quote(r.reference)},${r.caseId},${r.created ? 'created' : 'already_registered'}`,
      ),
    ];
    const url = URL.createObjectURL(new Blob([`${lines.join('\n')}\n`], { type: 'text/csv' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = 'parallax-import-receipt.csv';
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };

  const busy = stage.step === 'reading' || stage.step === 'importing';
  const preview = stage.step === 'choose' || stage.step === 'reading' ? null : stage.preview;

  return (
    <Stack gap="xl">
      <Fieldset legend={intl.formatMessage({ id: 'import.fileSection' })}>
        <Stack gap="md">
          <NativeSelect
            label={intl.formatMessage({ id: 'cases.workingGroup' })}
            value={groupId}
            onChange={(event) => setGroupId(event.currentTarget.value)}
            data={groups.map((g) => ({ value: g.id, label: g.name }))}
            disabled={busy}
            maw={520}
          />
          <GroupKeyNotice workingGroupId={groupId} />
          <Input.Wrapper
            id={fileId}
            label={intl.formatMessage({ id: 'import.file' })}
            description={intl.formatMessage({ id: 'import.fileHint' })}
          >
            <div>
              <input
                id={fileId}
                type="file"
                accept=".csv,.tsv,.txt,.jsonl,.ndjson,.json,.ftm,text/csv,application/json"
                disabled={busy}
                onChange={(event) => choose(event.currentTarget.files?.[0])}
                data-testid="import-file"
              />
            </div>
          </Input.Wrapper>
          <NativeSelect
            label={intl.formatMessage({ id: 'import.format' })}
            value={format}
            onChange={(event) => {
              const next = event.currentTarget.value as ImportFormat;
              setFormat(next);
              if (file.current) void read(file.current, next, next === 'csv' ? mapping : {});
            }}
            data={[
              { value: 'csv', label: intl.formatMessage({ id: 'import.formatCsv' }) },
              { value: 'jsonl', label: intl.formatMessage({ id: 'import.formatJsonl' }) },
            ]}
            disabled={busy}
            maw={320}
          />
          <NativeSelect
            label={intl.formatMessage({ id: 'person.defaultCountry' })}
            description={intl.formatMessage({ id: 'person.defaultCountryHint' })}
            value={country}
            onChange={(event) => setCountry(event.currentTarget.value)}
            data={[
              { value: '', label: intl.formatMessage({ id: 'person.noCountry' }) },
              ...countries,
            ]}
            disabled={busy}
            maw={520}
          />
          {stage.step === 'reading' && (
            <Text size="sm" role="status">
              <FormattedMessage id="import.reading" />
            </Text>
          )}
          {readError !== null && (
            <Alert color="red" variant="light" icon={<AlertIcon />} role="alert">
              <Text size="sm">
                <FormattedMessage id="import.readFailed" />
              </Text>
            </Alert>
          )}
        </Stack>
      </Fieldset>

      {preview && (
        <PreviewPanel preview={preview} disabled={busy || stage.step === 'done'} onRemap={remap} />
      )}

      {stage.step === 'preview' && (
        <Fieldset legend={intl.formatMessage({ id: 'import.settingsSection' })}>
          <Stack gap="md">
            <Text size="sm">
              <FormattedMessage id="import.settingsIntro" />
            </Text>
            <CaseTagsFields value={tags} onChange={setTags} />
            <TextInput
              label={intl.formatMessage({ id: 'import.prefix' })}
              description={intl.formatMessage(
                { id: 'import.prefixHint' },
                { example: `${prefix}7K2Q9D4XHM` },
              )}
              value={prefix}
              onChange={(event) => setPrefix(event.currentTarget.value)}
              error={prefixValid ? undefined : intl.formatMessage({ id: 'cases.referenceInvalid' })}
              maxLength={70}
              maw={320}
              dir="ltr"
            />
            <Group>
              <Button
                onClick={() => void start(stage.preview, 0)}
                disabled={
                  groupKey.status !== 'ready' ||
                  !keys ||
                  !prefixValid ||
                  stage.preview.records === 0 ||
                  stage.preview.duplicateIds > 0
                }
                data-testid="import-start"
              >
                <FormattedMessage id="import.start" />
              </Button>
            </Group>
          </Stack>
        </Fieldset>
      )}

      {(stage.step === 'importing' || stage.step === 'done') && (
        <Paper withBorder p="md" data-testid="import-progress">
          <Stack gap="sm">
            <Title order={2} size="h3">
              <FormattedMessage
                id={stage.step === 'importing' ? 'import.running' : 'import.summary'}
              />
            </Title>
            <Progress
              value={
                stage.preview.records === 0
                  ? 100
                  : Math.round(
                      ((stage.step === 'importing' ? stage.next : stage.next) /
                        stage.preview.records) *
                        100,
                    )
              }
              animated={stage.step === 'importing'}
              aria-label={intl.formatMessage({ id: 'cases.progressLabel' })}
            />
            <Text size="sm" role="status">
              <FormattedMessage
                id="import.position"
                values={{
                  done: intl.formatNumber(stage.step === 'importing' ? stage.position : stage.next),
                  total: intl.formatNumber(stage.preview.records),
                }}
              />
            </Text>
            {budget && (
              <Text size="sm" c="dimmed">
                <FormattedMessage
                  id="import.budget"
                  values={{
                    used: intl.formatNumber(budget.used),
                    allowed: intl.formatNumber(budget.allowed),
                  }}
                />
              </Text>
            )}
            <SimpleGrid cols={{ base: 1, sm: 3 }} data-testid="import-summary">
              <Stat label="import.created" value={counts.created} testId="import-created" />
              <Stat label="import.existing" value={counts.existing} testId="import-existing" />
              <Stat
                label="import.failed"
                value={counts.withoutKeys + (stage.preview.records - stage.next)}
                testId="import-failed"
              />
            </SimpleGrid>
            {stage.step === 'done' &&
              stage.error === null &&
              stage.next >= stage.preview.records && (
                <Alert color="teal" variant="light" icon={<CheckIcon />} role="status">
                  <Text size="sm">
                    <FormattedMessage id="import.finished" />
                  </Text>
                </Alert>
              )}
            {stage.step === 'done' && stage.error !== null && (
              <Alert color="red" variant="light" icon={<AlertIcon />} role="alert">
                <Text size="sm">
                  <FormattedMessage
                    id={
                      hubErrorCode(stage.error) === 'RATE_LIMITED'
                        ? 'cases.budgetExceeded'
                        : (hubErrorMessageId(stage.error) satisfies MessageId)
                    }
                  />
                </Text>
                <Text size="sm">
                  <FormattedMessage id="import.resumeHint" />
                </Text>
              </Alert>
            )}
            <Group gap="sm">
              {stage.step === 'importing' && (
                <Button variant="default" onClick={() => (stop.current = true)}>
                  <FormattedMessage id="import.stop" />
                </Button>
              )}
              {stage.step === 'done' && stage.next < stage.preview.records && (
                <Button onClick={() => void start(stage.preview, stage.next)}>
                  <FormattedMessage id="import.continue" />
                </Button>
              )}
              {stage.step === 'done' && receipt.current.length > 0 && (
                <Button variant="default" onClick={downloadReceipt}>
                  <FormattedMessage id="import.receipt" />
                </Button>
              )}
              {stage.step === 'done' && (
                <Button variant="subtle" onClick={reset}>
                  <FormattedMessage id="import.another" />
                </Button>
              )}
              {stage.step === 'done' && (
                <Button component={Link} to="/cases" variant="subtle">
                  <FormattedMessage id="import.toCases" />
                </Button>
              )}
            </Group>
            {stage.step === 'done' && receipt.current.length > 0 && (
              <Text size="xs" c="dimmed">
                <FormattedMessage id="import.receiptHint" />
              </Text>
            )}
          </Stack>
        </Paper>
      )}
    </Stack>
  );
}

function Stat({ label, value, testId }: { label: MessageId; value: number; testId: string }) {
  const intl = useIntl();
  return (
    <Stack gap={0}>
      <Text size="sm" c="dimmed">
        <FormattedMessage id={label} />
      </Text>
      <Text fz="xl" fw={700} data-testid={testId} data-value={value}>
        {intl.formatNumber(value)}
      </Text>
    </Stack>
  );
}

function PreviewPanel({
  preview,
  disabled,
  onRemap,
}: {
  preview: ImportPreview;
  disabled: boolean;
  onRemap: (header: string, target: string) => void;
}) {
  const intl = useIntl();
  const n = (value: number) => intl.formatNumber(value);
  return (
    <Paper withBorder p="md" data-testid="import-preview">
      <Stack gap="md">
        <Title order={2} size="h3">
          <FormattedMessage id="import.previewTitle" />
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
          <Stat label="import.records" value={preview.records} testId="preview-records" />
          <Stat label="import.keys" value={preview.keys} testId="preview-keys" />
          <Stat label="import.evaluations" value={preview.distinctKeys} testId="preview-distinct" />
          <Stat label="import.withoutKeys" value={preview.withoutKeys} testId="preview-without" />
        </SimpleGrid>
        {preview.duplicateIds > 0 && (
          <Alert color="red" variant="light" icon={<AlertIcon />} role="alert">
            <Text size="sm">
              <FormattedMessage
                id="import.duplicates"
                values={{ count: n(preview.duplicateIds) }}
              />
            </Text>
          </Alert>
        )}
        {!preview.hasIdColumn && (
          <Alert color="yellow" variant="light" icon={<AlertIcon />} role="note">
            <Text size="sm">
              <FormattedMessage id="import.noIdColumn" />
            </Text>
          </Alert>
        )}
        {preview.unreadable.length > 0 && (
          <Text size="sm">
            <FormattedMessage
              id="import.unreadable"
              values={{ lines: intl.formatList(preview.unreadable.map(String), { type: 'unit' }) }}
            />
          </Text>
        )}
        {preview.skipped > 0 && (
          <Text size="sm">
            <FormattedMessage id="import.skipped" values={{ count: n(preview.skipped) }} />
          </Text>
        )}
        {preview.mapping && (
          <Stack gap="xs">
            <Title order={3} size="h4">
              <FormattedMessage id="import.mappingTitle" />
            </Title>
            <Text size="sm">
              <FormattedMessage id="import.mappingIntro" />
            </Text>
            <Table.ScrollContainer minWidth={420}>
              <Table>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">
                      <FormattedMessage id="import.column" />
                    </Table.Th>
                    <Table.Th scope="col">
                      <FormattedMessage id="import.target" />
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {preview.mapping.map((m) => (
                    <Table.Tr key={m.header}>
                      <Table.Td dir="auto">{m.header}</Table.Td>
                      <Table.Td>
                        <NativeSelect
                          aria-label={intl.formatMessage(
                            { id: 'import.targetOf' },
                            { column: m.header },
                          )}
                          value={m.target}
                          onChange={(event) => onRemap(m.header, event.currentTarget.value)}
                          data={preview.targets.map((t) => ({
                            value: t,
                            label: targetLabel(intl, t),
                          }))}
                          disabled={disabled}
                          size="xs"
                          maw={280}
                        />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Stack>
        )}
        {preview.samples.length > 0 && (
          <Stack gap="xs">
            <Title order={3} size="h4">
              <FormattedMessage id="import.samplesTitle" />
            </Title>
            <Text size="sm">
              <FormattedMessage id="import.samplesIntro" />
            </Text>
            {preview.samples.map((sample, i) => (
              <Paper key={i} withBorder p="xs" data-testid="import-sample">
                <Stack gap={2}>
                  {sample.fields.map((f) => (
                    <Text key={f.property} size="sm">
                      <Text span fw={600}>
                        {targetLabel(intl, f.property)}
                      </Text>
                      {': '}
                      <bdi>{f.values.join(' · ')}</bdi>
                    </Text>
                  ))}
                </Stack>
              </Paper>
            ))}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
