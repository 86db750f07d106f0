import { Stack } from '@mantine/core';
import { idsUsable } from '@parallax/hub-client';
import { useEffect, useState } from 'react';
import { useUnlockedKeys } from '../../../crypto/key-store';
import { useViewer } from '../../auth/hooks/session';
import { useGroupKey } from '../../group-keys/hooks/store';
import { canFingerprintWith } from '../../group-keys/utils/schema';
import { useImportRun } from '../hooks/useImportRun';
import { useImportSettings } from '../hooks/useImportSettings';
import { formatOf } from '../utils/file-format';
import { downloadReceipt } from '../utils/receipt';
import { startBlocker } from '../utils/start-blocker';
import { CaseSettings } from './CaseSettings';
import { DryRunSummary } from './DryRunSummary';
import { FileSection } from './FileSection';
import { PreviewPanel } from './PreviewPanel';
import { ProgressPanel } from './ProgressPanel';
import { ResumeBanner } from './ResumeBanner';

/**
 * Bulk import of a CSV or FollowTheMoney JSON Lines file. The file is read by
 * the fingerprint worker on this device: a dry run shows what would be
 * registered (with masked samples, repeated persons and a time estimate),
 * then the records are fingerprinted and registered chunk by chunk. Nothing
 * of the file leaves the device but fingerprints and derived labels. A run
 * cut short by a reload continues when the same file is chosen again.
 */
export function Importer({ groups }: { groups: ReadonlyArray<{ id: string; name: string }> }) {
  const viewer = useViewer();
  const keys = useUnlockedKeys(viewer.user.id);
  const { settings, update, prefixValid, prefixProblem, referencePattern } = useImportSettings(
    groups[0]?.id ?? '',
  );
  const groupKey = useGroupKey(settings.groupId);
  const run = useImportRun();
  const [otherFile, setOtherFile] = useState(false);
  const { phase, preview } = run.state;
  const busy = phase === 'reading' || phase === 'running';
  // The rows are checked against the prefix in the worker (reference_contains_name): start only once they were.
  const screened = preview !== null && preview.referencePrefix === settings.prefix;
  // Not under an epoch of other fingerprint rules (the group-key notice says why).
  const ready = canFingerprintWith(groupKey) && keys !== null && prefixValid && screened;
  const saved = phase === 'choose' || phase === 'reading' || phase === 'preview' ? run.saved : null;

  const readOptions = (patch: Partial<typeof settings> = {}) => {
    const s = { ...settings, ...patch };
    return {
      format: s.format,
      mapping: s.format === 'csv' ? s.mapping : {},
      defaultPhoneCountry: s.country,
      referencePrefix: s.prefix,
    };
  };

  // Another prefix: the worker checks the rows' names against it again, the preview staying on screen.
  useEffect(() => {
    if (phase !== 'preview' || screened || preview === null) return;
    const timer = setTimeout(() => run.reread(readOptions(), true), 400);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- readOptions and run are new each render; the prefix is what matters
  }, [phase, screened, preview, settings.prefix]);

  const remap = (header: string, target: string) => {
    const mapping = { ...settings.mapping, [header]: target };
    for (const m of preview?.mapping ?? []) mapping[m.header] ??= m.target;
    update({ mapping });
    run.reread(readOptions({ mapping }));
  };

  const chooseFile = (file: File) => {
    if (saved) {
      // The stopped import's file continues it; any other is refused until it is discarded.
      const { settings: before } = saved;
      void run.resume(file, saved).then((same) => {
        setOtherFile(!same);
        if (same) update({ ...before, tags: { ...before.tags } });
      });
      return;
    }
    const format = formatOf(file.name);
    update({ format, mapping: {} });
    run.choose(file, readOptions({ format, mapping: {} }));
  };

  const start = (from: number) => {
    if (!canFingerprintWith(groupKey) || !ready) return;
    void run.start(from, {
      workingGroupId: settings.groupId,
      epoch: groupKey.epoch,
      groupKey: groupKey.groupKey,
      fields: settings.tags,
      referencePrefix: settings.prefix,
      defaultPhoneCountry: settings.country,
      distinctOnly: settings.distinctOnly,
      format: settings.format,
      mapping: settings.format === 'csv' ? settings.mapping : {},
    });
  };

  const records = preview
    ? settings.distinctOnly
      ? preview.duplicates.distinct
      : preview.records
    : 0;
  return (
    <Stack gap="xl">
      {saved && (
        <ResumeBanner
          saved={saved}
          otherFile={otherFile}
          onDiscard={() => {
            setOtherFile(false);
            run.discard();
          }}
        />
      )}
      <FileSection
        groups={groups}
        settings={settings}
        busy={busy}
        reading={phase === 'reading'}
        readFailed={run.state.readFailed}
        onGroup={(groupId) => update({ groupId })}
        onFile={chooseFile}
        onFormat={(format) => {
          update({ format });
          run.reread(readOptions({ format }));
        }}
        onCountry={(country) => update({ country })}
      />
      {preview && phase !== 'reading' && (
        <PreviewPanel preview={preview} disabled={phase !== 'preview'} onRemap={remap} />
      )}
      {preview && phase === 'preview' && (
        <DryRunSummary
          preview={preview}
          file={run.file}
          distinctOnly={settings.distinctOnly}
          disabled={false}
          onDistinctOnly={(distinctOnly) => update({ distinctOnly })}
        />
      )}
      {preview && phase === 'preview' && (
        <CaseSettings
          tags={settings.tags}
          prefix={settings.prefix}
          prefixValid={prefixValid}
          prefixProblem={prefixProblem}
          referencePattern={referencePattern}
          canStart={ready && records > 0 && idsUsable(preview.duplicates, settings.distinctOnly)}
          blockedReason={startBlocker({
            preview,
            records,
            idsUsable: idsUsable(preview.duplicates, settings.distinctOnly),
            groupKeyReady: canFingerprintWith(groupKey),
            keysUnlocked: keys !== null,
            prefixValid,
            prefixChecked: screened,
          })}
          onTags={(tags) => update({ tags })}
          onPrefix={(prefix) => update({ prefix })}
          onStart={() => start(0)}
        />
      )}
      {preview && (phase === 'running' || phase === 'done' || phase === 'interrupted') && (
        <ProgressPanel
          state={run.state}
          onStop={run.stop}
          onContinue={() => start(run.state.next)}
          canContinue={ready}
          onReceipt={() => downloadReceipt(run.state.receipt)}
          onReset={() => {
            update({ mapping: {} });
            run.reset();
          }}
        />
      )}
    </Stack>
  );
}
