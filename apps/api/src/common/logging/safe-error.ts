/**
 * What of an error may reach the logs. Database errors carry the failed
 * statement's parameters (`parameters`, `driverError`), and PostgreSQL
 * quotes offending values in its messages (`invalid input syntax for type
 * uuid: "…"`) and details (`Key (email)=(…)`): a login field or a case
 * label would land in the log. So errors are logged from an allow-list of
 * fields, with quoted values in the message and stack masked.
 */
const KEPT = [
  'type',
  'code',
  'severity',
  'table',
  'column',
  'constraint',
  'routine',
  'statusCode',
] as const;

export function maskValues(text: string): string {
  return text
    .replace(/"(?:[^"\\]|\\.)*"/g, '"…"')
    .replace(/'(?:[^'\\]|\\.)*'/g, "'…'")
    .replace(/\)=\([^)]*\)/g, ')=(…)');
}

/** pino `err` serializer (after pino's standard one has made a plain object of the error). */
export function safeErrorSerializer(err: unknown): Record<string, unknown> {
  if (err === null || typeof err !== 'object') return { message: maskValues(String(err)) };
  const e = err as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key of KEPT) {
    const v = e[key];
    if (typeof v === 'string' || typeof v === 'number') out[key] = v;
  }
  if (typeof e['message'] === 'string') out['message'] = maskValues(e['message']);
  if (typeof e['stack'] === 'string') out['stack'] = maskValues(e['stack']);
  return out;
}
