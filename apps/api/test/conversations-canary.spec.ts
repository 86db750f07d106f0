import fs from 'node:fs';
import { prepareClusterMessage } from '@parallax/hub-client';
import { DataSource } from 'typeorm';
import { afterAll, describe, expect, it } from 'vitest';
import { note, pinsOf, read, say, SEND, textsOf } from './support/conversations.js';
import { hubRequest, keysOf } from './support/hub.js';
import { useTestApp } from './support/test-app.js';
import { buildWorld } from './support/world.js';

/**
 * Issue 11: the canary test extends to message text. Messages, a contact
 * card and an arrangement note carry canary values through the real client
 * and the real hub (logging everything, at debug); afterwards no canary, in
 * any form, is in any row of any table nor in anything the hub logged.
 */
const CANARY_TEXT = 'Zqxvorth canary message: the witness lives at 14 Canarybird Lane';
const CANARY_ARABIC = 'رسالة الكناري زقسفورث';
const CANARY_NAME = 'Qwylla Canarybird';
const CANARY_CHANNEL = 'signal:zqxvorth-canary-0199';
const CANARY_NOTE = 'Zqxnote canary: we lead because of the Canarybird dossier';
const NEEDLES = [
  CANARY_TEXT,
  CANARY_ARABIC,
  CANARY_NAME,
  CANARY_CHANNEL,
  CANARY_NOTE,
  'zqxvorth',
  'canarybird',
  'zqxnote',
  'الكناري',
];

/** Everything written to stdout and stderr by this process's file descriptors (where pino writes). */
let logged = '';
type FdWrite = (fd: number, data: unknown, ...rest: unknown[]) => unknown;
const tee = (name: 'write' | 'writeSync') => {
  const original = fs[name] as unknown as FdWrite;
  const replacement: FdWrite = (fd, data, ...rest) => {
    if (fd === 1 || fd === 2)
      logged += typeof data === 'string' ? data : Buffer.from(data as Uint8Array).toString('utf8');
    return original.call(fs, fd, data, ...rest);
  };
  (fs as unknown as Record<string, FdWrite>)[name] = replacement;
  return () => {
    (fs as unknown as Record<string, FdWrite>)[name] = original;
  };
};
const restore = [tee('write'), tee('writeSync')];
afterAll(() => restore.forEach((r) => r()));

const t = useTestApp({ LOG_LEVEL: 'debug', LOG_FORMAT: 'json' });

/** Each needle as typed, case-folded, and as the hex PostgreSQL shows bytea in. */
function forms(needle: string): string[] {
  const lower = needle.toLowerCase();
  return [needle, lower, Buffer.from(needle).toString('hex'), Buffer.from(lower).toString('hex')];
}

describe('message text canary', () => {
  it('leaves no message text in any table nor in the logs', async () => {
    const w = await buildWorld(t);
    const cluster = { clusterId: w.clusterB, workingGroupId: w.wg2 };
    await say(t, w.investigatorB, cluster, { kind: 'text', text: CANARY_TEXT });
    await say(t, w.investigatorB2, cluster, { kind: 'text', text: CANARY_ARABIC });
    await say(t, w.adminB2, cluster, {
      kind: 'contact_card',
      name: CANARY_NAME,
      role: 'Canarybird liaison',
      channel: CANARY_CHANNEL,
    });
    await w.adminB.client.ok(SEND, {
      c: cluster.clusterId,
      m: await note(t, w.adminB, cluster, CANARY_NOTE, 'proposal'),
    });
    // A refused message (a copy for the coordinator) goes through the error path and its logs too.
    const refused = await prepareClusterMessage(
      hubRequest(w.investigatorB.client),
      await keysOf(t, w.investigatorB),
      {
        ...cluster,
        audience: 'parties',
        body: { kind: 'text', text: CANARY_TEXT },
        pins: await pinsOf(t, w.investigatorB, w.wg2),
      },
    );
    const bad = {
      ...refused.input,
      copies: [
        ...refused.input.copies,
        { userId: w.coordinator2.id, sealed: refused.input.copies[0]?.sealed },
      ],
    };
    const r = await w.investigatorB.client.request(SEND, { c: cluster.clusterId, m: bad });
    expect(r.errors?.[0]?.extensions?.code).toBe('MESSAGE_RECIPIENTS_INVALID');

    // The parties read them all: the canaries did travel.
    expect(textsOf(await read(t, w.adminB, cluster))).toEqual([
      CANARY_NOTE,
      `card:${CANARY_NAME}`,
      CANARY_ARABIC,
      CANARY_TEXT,
    ]);

    // The operator's view: every row of every table.
    const ds = t.app.get(DataSource);
    const tables = await ds.query<Array<{ name: string }>>(
      `SELECT c.relname AS name FROM pg_class c WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p') ORDER BY 1`,
    );
    expect(tables.map((x) => x.name)).toEqual(
      expect.arrayContaining([
        'cluster_message',
        'cluster_message_copy',
        'audit_log',
        'notification',
      ]),
    );
    let dump = '';
    for (const { name } of tables) {
      const [row] = await ds.query<Array<{ j: string | null }>>(
        `SELECT json_agg(row_to_json(x))::text AS j FROM "${name}" x`,
      );
      dump += `${name}: ${row?.j ?? ''}\n`;
    }
    expect(dump).toContain('cluster.message_sent');
    await new Promise((done) => setTimeout(done, 300));
    // The capture works: the hub's request lines are in it.
    expect(logged).toContain('/graphql');
    for (const needle of NEEDLES.flatMap(forms)) {
      expect(dump.toLowerCase().includes(needle.toLowerCase()), `database: ${needle}`).toBe(false);
      expect(logged.toLowerCase().includes(needle.toLowerCase()), `logs: ${needle}`).toBe(false);
    }
  }, 240_000);
});
