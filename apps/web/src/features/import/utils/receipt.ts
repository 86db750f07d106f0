import type { ImportedRecord } from '@parallax/hub-client';

/** One line of the import's receipt: a registered case, or a record without usable identifiers. */
export type ReceiptLine = ImportedRecord | { recordId: string; noKeys: true };

const quote = (v: string): string => `"${v.replace(/"/gu, '""')}"`;

/** The receipt as CSV: record id → case reference and id. It stays on this device. */
export function receiptCsv(lines: readonly ReceiptLine[]): string {
  const rows = lines.map((r) =>
    'noKeys' in r
      ? `${quote(r.recordId)},,,no_identifiers`
      : `${quote(r.recordId)},${quote(r.reference)},${r.caseId},${r.created ? 'created' : 'already_registered'}`,
  );
  return `${['record_id,reference,case_id,result', ...rows].join('\n')}\n`;
}

/** Saves the receipt through the browser's download. */
export function downloadReceipt(lines: readonly ReceiptLine[]): void {
  const url = URL.createObjectURL(new Blob([receiptCsv(lines)], { type: 'text/csv' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = 'parallax-import-receipt.csv';
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
