/**
 * What a cluster message says, signed by its sender and sealed to each
 * recipient (cluster-message.ts). Everything a recipient must trust is in
 * here, inside the ciphertext: the cluster and message it belongs to, who
 * sent it, the full recipients list, the audience, when it was written and
 * its body. The hub sees none of it.
 */
export const MESSAGE_AUDIENCES = ['parties', 'parties_and_coordinators'] as const;
export type ClusterMessageAudience = (typeof MESSAGE_AUDIENCES)[number];

export const NOTE_ABOUT = [
  'proposal',
  'answer',
  'decision',
  'comment',
  'reopen',
  'referral',
] as const;
export type NoteAbout = (typeof NOTE_ABOUT)[number];

export type ClusterMessageBody =
  | { kind: 'text'; text: string }
  | { kind: 'contact_card'; name: string; role: string; channel: string }
  | { kind: 'note'; text: string; about: NoteAbout };

export interface ClusterMessagePayload {
  v: 1;
  clusterId: string;
  messageId: string;
  senderUserId: string;
  /** Every user the message was sealed to, sorted, without repeats. */
  recipients: string[];
  audience: ClusterMessageAudience;
  /** ISO-8601, from the sender's clock. */
  sentAt: string;
  body: ClusterMessageBody;
}

/** Limits, in characters (code points), of what a person writes. */
export const MESSAGE_LIMITS = {
  text: 4000,
  note: 2000,
  name: 200,
  role: 200,
  channel: 300,
  recipients: 500,
} as const;

export class ClusterMessageFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ClusterMessageFormatError';
  }
}

const fail = (message: string): never => {
  throw new ClusterMessageFormatError(message);
};

/** Ids go into the HPKE info string between slashes: no slash, no line break, nothing odd. */
const ID = /^[A-Za-z0-9-]{1,64}$/u;
const ISO_8601 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?Z$/u;
/** Line breaks and tabs are fine in a text; other control characters only hide things. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_IN_TEXT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/u;
// eslint-disable-next-line no-control-regex -- as above
const CONTROL_IN_LINE = /[\u0000-\u001f\u007f]/u;
/** UTF-8 cannot carry half a surrogate pair: the signed bytes would not be the text. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function checkMessageId(value: unknown, field: string): string {
  if (typeof value !== 'string' || !ID.test(value)) return fail(`${field} is not an id`);
  return value;
}

function checkText(
  value: unknown,
  field: string,
  max: number,
  opts: { multiline: boolean; required: boolean },
): string {
  if (typeof value !== 'string') return fail(`${field} must be a string`);
  if (opts.required && value.trim().length === 0) fail(`${field} is empty`);
  if ([...value].length > max) fail(`${field} is longer than ${max} characters`);
  if ((opts.multiline ? CONTROL_IN_TEXT : CONTROL_IN_LINE).test(value))
    fail(`${field} has a control character`);
  if (LONE_SURROGATE.test(value)) fail(`${field} has a lone surrogate`);
  return value;
}

function exactKeys(
  value: unknown,
  keys: readonly string[],
  field: string,
): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return fail(`${field} must be an object`);
  const own = Object.keys(value).sort();
  const want = [...keys].sort();
  if (own.length !== want.length || own.some((k, i) => k !== want[i]))
    fail(`${field} has unexpected fields`);
  return value as Record<string, unknown>;
}

/** Throws ClusterMessageFormatError unless `value` is a well-formed body within the limits. */
export function checkBody(value: unknown): ClusterMessageBody {
  const kind = (value as { kind?: unknown } | null)?.kind;
  const line = { multiline: false, required: true };
  const block = { multiline: true, required: true };
  if (kind === 'text') {
    const b = exactKeys(value, ['kind', 'text'], 'body');
    return { kind, text: checkText(b.text, 'text', MESSAGE_LIMITS.text, block) };
  }
  if (kind === 'contact_card') {
    const b = exactKeys(value, ['kind', 'name', 'role', 'channel'], 'body');
    return {
      kind,
      name: checkText(b.name, 'name', MESSAGE_LIMITS.name, line),
      role: checkText(b.role, 'role', MESSAGE_LIMITS.role, { multiline: false, required: false }),
      channel: checkText(b.channel, 'channel', MESSAGE_LIMITS.channel, line),
    };
  }
  if (kind === 'note') {
    const b = exactKeys(value, ['kind', 'text', 'about'], 'body');
    if (!(NOTE_ABOUT as readonly unknown[]).includes(b.about)) fail('Unknown note subject');
    return {
      kind,
      text: checkText(b.text, 'text', MESSAGE_LIMITS.note, block),
      about: b.about as NoteAbout,
    };
  }
  return fail('Unknown message kind');
}

const PAYLOAD_KEYS = [
  'v',
  'clusterId',
  'messageId',
  'senderUserId',
  'recipients',
  'audience',
  'sentAt',
  'body',
];

/** Throws ClusterMessageFormatError unless `value` is a well-formed payload. */
export function checkPayload(value: unknown): ClusterMessagePayload {
  const p = exactKeys(value, PAYLOAD_KEYS, 'payload');
  if (p.v !== 1) fail('Unknown payload version');
  if (
    !Array.isArray(p.recipients) ||
    p.recipients.length === 0 ||
    p.recipients.length > MESSAGE_LIMITS.recipients
  )
    fail('recipients must list 1 to 500 users');
  const recipients = (p.recipients as unknown[]).map((r) => checkMessageId(r, 'recipient'));
  for (let i = 1; i < recipients.length; i++)
    if ((recipients[i - 1] as string) >= (recipients[i] as string))
      fail('recipients must be sorted, without repeats');
  if (!(MESSAGE_AUDIENCES as readonly unknown[]).includes(p.audience)) fail('Unknown audience');
  if (
    typeof p.sentAt !== 'string' ||
    !ISO_8601.test(p.sentAt) ||
    Number.isNaN(Date.parse(p.sentAt))
  )
    fail('sentAt is not an ISO-8601 UTC time');
  return {
    v: 1,
    clusterId: checkMessageId(p.clusterId, 'clusterId'),
    messageId: checkMessageId(p.messageId, 'messageId'),
    senderUserId: checkMessageId(p.senderUserId, 'senderUserId'),
    recipients,
    audience: p.audience as ClusterMessageAudience,
    sentAt: p.sentAt as string,
    body: checkBody(p.body),
  };
}

/** JSON with object keys in lexicographic order and no spaces: the bytes the signature covers. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
