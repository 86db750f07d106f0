import { Stack } from '@mantine/core';
import { useUnlockedKeys } from '../../../crypto/key-store';
import { useViewer } from '../../auth/hooks/session';
import { useGroupKey } from '../../group-keys/hooks/store';
import { useImportRun } from '../hooks/useImportRun';
import { useImportSettings } from '../hooks/useImportSettings';
import { formatOf } from '../utils/file-format';
import { downloadReceipt } from '../utils/receipt';
import { CaseSettings } from './CaseSettings';
import { FileSection } from './FileSection';
import { PreviewPanel } from './PreviewPanel';
import { ProgressPanel } from './ProgressPanel';

/**
 * Bulk import of a CSV or FollowTheMoney JSON Lines file. The file is read by
 * the fingerprint worker on this device: a dry run shows what would be
 * registered (with masked samples), then the records are fingerprinted and
 * registered chunk by chunk. Nothing of the file leaves the device but
 * fingerprints and derived labels.
 */
export function Importer({ groups }: { groups: ReadonlyArray<{ id: string; name: string }> }) {
  const viewer = useViewer();
  const keys = useUnlockedKeys(viewer.user.id);
  const { settings, update, prefixValid } = useImportSettings(groups[0]?.id ?? '');
  const groupKey = useGroupKey(settings.groupId);
  const run = useImportRun();
  const { phase, preview } = run.state;
  const busy = phase === 'reading' || phase === 'running';
  const ready = groupKey.status === 'ready' && keys !== null && prefixValid;

  const readOptions = (patch: Partial<typeof settings> = {}) => {
    const s = { ...settings, ...patch };
    return {
      format: s.format,
      mapping: s.format === 'csv' ? s.mapping : {},
      defaultPhoneCountry: s.country,
    };
  };

  const remap = (header: string, target: string) => {
    const mapping = { ...settings.mapping, [header]: target };
    for (const m of preview?.mapping ?? []) mapping[m.header] ??= m.target;
    update({ mapping });
    run.reread(readOptions({ mapping }));
  };

  const start = (from: number) => {
    if (groupKey.status !== 'ready' || !ready) return;
    void run.start(from, {
      workingGroupId: settings.groupId,
      epoch: groupKey.epoch,
      groupKey: groupKey.groupKey,
      fields: settings.tags,
      referencePrefix: settings.prefix,
      defaultPhoneCountry: settings.country,
    });
  };

  return (
    <Stack gap="xl">
      <FileSection
        groups={groups}
        settings={settings}
        busy={busy}
        reading={phase === 'reading'}
        readFailed={run.state.readFailed}
        onGroup={(groupId) => update({ groupId })}
        onFile={(file) => {
          const format = formatOf(file.name);
          update({ format, mapping: {} });
          run.choose(file, readOptions({ format, mapping: {} }));
        }}
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
        <CaseSettings
          tags={settings.tags}
          prefix={settings.prefix}
          prefixValid={prefixValid}
          canStart={ready && preview.records > 0 && preview.duplicateIds === 0}
          onTags={(tags) => update({ tags })}
          onPrefix={(prefix) => update({ prefix })}
          onStart={() => start(0)}
        />
      )}
      {preview && (phase === 'running' || phase === 'done' || phase === 'interrupted') && (
        <ProgressPanel
          state={run.state}
          total={preview.records}
          onStop={run.stop}
          onContinue={() => start(run.state.next)}
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
