import { FINGERPRINT_SCHEMA_VERSION, toBase64Url } from '@parallax/fingerprint';
import { describe, expect, it } from 'vitest';
import { registerCases } from './cases.js';
import { clientIsBehind, schemaMismatchMessage, schemaMismatchOf } from './schema-version.js';
import { fakeHub } from './test/fake-hub.js';

describe('fingerprint schema version', () => {
  it("sends this client's FINGERPRINT_SCHEMA_VERSION with every case it registers", async () => {
    const hub = fakeHub();
    await registerCases(hub.request, 'wg-1', 3, [
      {
        idempotencyKey: 'case-key-0001',
        reference: 'R-1',
        status: 'active',
        situationTags: [],
        crimeTags: [],
        fingerprints: [{ kind: 'id.passport', fp: toBase64Url(new Uint8Array(32).fill(1)) }],
      },
    ]);
    const [sent] = hub.sent.map(
      (s) => JSON.parse(s) as { variables: { cases: Array<Record<string, unknown>> } },
    );
    expect(sent?.variables.cases[0]).toMatchObject({
      epoch: 3,
      schemaVersion: FINGERPRINT_SCHEMA_VERSION,
    });
  });

  it("tells a group whose epoch uses other rules than this client's, and which side must move", () => {
    expect(schemaMismatchOf(null)).toBeNull();
    expect(schemaMismatchOf(FINGERPRINT_SCHEMA_VERSION)).toBeNull();
    const old = schemaMismatchOf('v1', 'v2');
    expect(old).toEqual({ epochVersion: 'v1', clientVersion: 'v2' });
    expect(old && clientIsBehind(old)).toBe(false);
    expect(old && schemaMismatchMessage(old, 'Syria WG')).toMatch(
      /use fingerprint rules v1.*rotates the group's keys to move it to v2/u,
    );
    const newer = schemaMismatchOf('v3', 'v2');
    expect(newer && clientIsBehind(newer)).toBe(true);
    expect(newer && schemaMismatchMessage(newer, 'Syria WG')).toMatch(/update this client/u);
  });
});
