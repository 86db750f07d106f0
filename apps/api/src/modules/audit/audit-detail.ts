/**
 * What an audit entry says changed, reduced to what may be kept in clear:
 * every field name, and the values that identify no person — ids, statuses,
 * roles, counts, epochs, flags, times. Names, e-mails, case references,
 * fingerprints, key material and any free text become `REDACTED`, so an
 * auditor sees *that* a display name changed, never the name.
 *
 * Redaction is decided by the value's shape first (only uuids, numbers,
 * booleans, times and short lower-case vocabulary tokens pass) and by the
 * field's name second (a name-like field is redacted even when its value
 * looks harmless, e.g. an organisation called "acme"); a number under such a
 * name is still a count (`fingerprints: 12`) unless the name says date,
 * year or document number.
 */
export type AuditDetailValue =
  | string
  | number
  | boolean
  | null
  | AuditDetailValue[]
  | { [field: string]: AuditDetailValue };

export type AuditDetail = Record<string, AuditDetailValue>;

export const REDACTED = '[redacted]';

const MAX_DEPTH = 3;
const MAX_ARRAY = 100;
const MAX_BYTES = 4096;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const INTEGER = /^-?\d{1,20}$/;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
/** A value from a fixed vocabulary: `org_admin`, `false_match`, `second_factor`… */
const TOKEN = /^[a-z][a-z0-9_]{0,39}$/;
/** Fields whose values are personal or secret whatever they look like. */
const IDENTIFYING_FIELD =
  /e-?mail|name|reference|label|fingerprint|secret|token|password|passphrase|seed|sealed|signature|public_?key|private_?key|phone|passport|birth|note|comment|text|alias/i;

function scalar(value: unknown): AuditDetailValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : REDACTED;
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? REDACTED : value.toISOString();
  if (typeof value === 'string') {
    return UUID.test(value) || INTEGER.test(value) || ISO_TIME.test(value) || TOKEN.test(value)
      ? value
      : REDACTED;
  }
  return REDACTED;
}

function clean(value: unknown, depth: number): AuditDetailValue {
  if (Array.isArray(value)) {
    if (depth >= MAX_DEPTH || value.length > MAX_ARRAY) return { count: value.length };
    return value.map((v) => clean(v, depth + 1));
  }
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    if (depth >= MAX_DEPTH || ArrayBuffer.isView(value)) return REDACTED;
    return cleanObject(value as Record<string, unknown>, depth + 1);
  }
  return scalar(value);
}

/** A number is a count, an epoch or a score, unless the field says it is a date or a document number. */
const PERSONAL_NUMBER_FIELD = /birth|phone|passport|document|year|date|number/i;

function redactedByName(field: string, v: unknown): boolean {
  if (v === null || typeof v === 'boolean') return false;
  if (typeof v === 'number') return PERSONAL_NUMBER_FIELD.test(field);
  return IDENTIFYING_FIELD.test(field);
}

function cleanObject(value: Record<string, unknown>, depth: number): AuditDetail {
  const out: AuditDetail = {};
  for (const [field, v] of Object.entries(value)) {
    if (v === undefined || !/^[A-Za-z][A-Za-z0-9_]{0,63}$/.test(field)) continue;
    out[field] = redactedByName(field, v) ? REDACTED : clean(v, depth);
  }
  return out;
}

/** The storable detail of a change (never null: an entry always says what kind of thing changed, if only `{}`). */
export function auditDetail(change: unknown): AuditDetail {
  const detail =
    change !== null && typeof change === 'object' && !Array.isArray(change) && !(change instanceof Date)
      ? cleanObject(change as Record<string, unknown>, 0)
      : { value: clean(change, 0) };
  // A bounded size: an entry records a change, not a payload.
  if (JSON.stringify(detail).length > MAX_BYTES) {
    return { truncated: true, fields: Object.keys(detail).sort().slice(0, 50) };
  }
  return detail;
}
