import type { KeyHolder } from '@parallax/hub-client';
import type { KeyBundle } from '@parallax/identity';
import type { MessageId } from '../../../i18n/messages';
import { DataTable, type Column } from '../../../ui/DataTable';
import type { useVerifier } from '../hooks/useVerifier';
import { VerificationBadge, type BadgeStatus } from './VerificationBadge';
import { VerifyButton } from './VerifyButton';
import { VerifyError } from './VerifyError';

/** One person on a verification list: their keys as the hub lists them, and what this device makes of them. */
export interface VerificationRow {
  holder: KeyHolder;
  bundle: KeyBundle | null;
  status: BadgeStatus;
}

/** The part of `useVerifier` the list reads; the section owns the verifier so its `run` and the dialog share one busy/error state. */
type Verifier = Pick<ReturnType<typeof useVerifier>, 'me' | 'busy' | 'error' | 'clearError'>;

export interface VerificationTableProps<R extends VerificationRow> {
  rows: readonly R[];
  verifier: Verifier;
  /** Pins or certifies the row's current keys once the safety numbers match; true when it went through. */
  onVerify: (row: R) => Promise<boolean>;
  /** Columns between the person and the status (role, organisation…). */
  extraColumns?: readonly Column<R>[];
  /** The same test id on every row; `data-user` and `data-status` tell rows apart. */
  rowTestId: string;
  empty?: MessageId;
  'data-testid'?: string;
}

/**
 * People with their verification status and "Verify" (or "Verify again"
 * after a key change): the list every verification screen shows. Nothing to
 * offer without our own keys unlocked, without theirs, or once verified.
 */
export function VerificationTable<R extends VerificationRow>({
  rows,
  verifier,
  onVerify,
  extraColumns = [],
  rowTestId,
  empty,
  'data-testid': testId,
}: VerificationTableProps<R>) {
  const { me } = verifier;
  const columns: Column<R>[] = [
    { key: 'person', header: 'verify.person', cell: (r) => <bdi>{r.holder.displayName}</bdi> },
    ...extraColumns,
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
            onMatch={() => onVerify(r)}
            busy={verifier.busy}
            error={<VerifyError error={verifier.error} />}
          />
        ) : null,
    },
  ];

  return (
    <DataTable
      columns={columns}
      rows={rows}
      rowKey={(r) => r.holder.userId}
      rowTestId={() => rowTestId}
      rowAttributes={(r) => ({ 'data-user': r.holder.userId, 'data-status': r.status })}
      empty={empty}
      data-testid={testId}
    />
  );
}
