import { describe, expect, it } from 'vitest';
import {
  ClusterMessageFormatError,
  type ClusterMessagePayload,
} from './cluster-message-payload.js';
import { sealClusterMessage } from './cluster-message.js';
import {
  alice,
  bob,
  carol,
  copyFor,
  forge,
  input,
  openAs,
  payloadFor,
  problemOf,
} from './testing/cluster-messages.js';

describe('cluster message payloads: checked when sealing and when opening', () => {
  it('refuses a signed payload that does not list the recipient, names another sender, cluster or id', async () => {
    const cases: Array<Partial<ClusterMessagePayload>> = [
      { recipients: [alice.bundle.userId] },
      { senderUserId: carol.bundle.userId },
      { clusterId: 'c0000000-0000-4000-8000-000000000009' },
      { messageId: 'a0000000-0000-4000-8000-000000000009' },
    ];
    for (const over of cases) {
      const sealed = await forge(payloadFor(over), alice.signingPrivateKey, bob);
      expect(await problemOf(openAs(sealed, bob))).toBe('unverified');
    }
    // The forge itself is sound: the untouched payload opens.
    expect(
      (await openAs(await forge(payloadFor(), alice.signingPrivateKey, bob), bob)).payload.body,
    ).toEqual({ kind: 'text', text: 'hello' });
  });

  it('refuses, on opening, a signed payload out of bounds or with extra fields', async () => {
    const bad = [
      { ...payloadFor(), extra: 1 },
      payloadFor({ body: { kind: 'text', text: 'x'.repeat(4001) } }),
      payloadFor({ recipients: [bob.bundle.userId, alice.bundle.userId] }),
      payloadFor({ body: { kind: 'note', text: 'n', about: 'gossip' } as never }),
    ];
    for (const p of bad)
      expect(await problemOf(openAs(await forge(p, alice.signingPrivateKey, bob), bob))).toBe(
        'unverified',
      );
  });

  it('pads to buckets: sizes say little about the text', async () => {
    const size = async (text: string) =>
      copyFor(await sealClusterMessage(input({ body: { kind: 'text', text } })), bob).length;
    const sizes = await Promise.all([1, 20, 40, 60, 80, 100, 120].map((n) => size('a'.repeat(n))));
    // Seven lengths, at most two sizes (one bucket boundary), every size enc + a 256-byte multiple (at least 512) + tag.
    expect(new Set(sizes).size).toBeLessThanOrEqual(2);
    for (const s of sizes) {
      expect((s - 48) % 256).toBe(0);
      expect(s).toBeGreaterThanOrEqual(48 + 512);
    }
    const short = await size('a');
    expect(await size('b')).toBe(short);
    expect(await size('a'.repeat(3000))).toBeGreaterThan(short);
  });

  it('validates bodies when sealing', async () => {
    const bodies = [
      { kind: 'text', text: '' },
      { kind: 'text', text: '   ' },
      { kind: 'text', text: 'x'.repeat(4001) },
      { kind: 'text', text: 'bell\u0007' },
      { kind: 'note', text: 'x'.repeat(2001), about: 'comment' },
      { kind: 'note', text: 'ok', about: 'gossip' },
      { kind: 'contact_card', name: 'x'.repeat(201), role: '', channel: 'Signal' },
      { kind: 'contact_card', name: 'Dana', role: 'x'.repeat(201), channel: 'Signal' },
      { kind: 'contact_card', name: 'Dana', role: '', channel: 'x'.repeat(301) },
      { kind: 'contact_card', name: 'Dana\nRoe', role: '', channel: 'Signal' },
      { kind: 'text', text: 'hi', extra: true },
      { kind: 'video', url: 'x' },
    ];
    for (const body of bodies) {
      await expect(sealClusterMessage(input({ body: body as never }))).rejects.toBeInstanceOf(
        ClusterMessageFormatError,
      );
    }
    // 4,000 characters in any script are fine (code points, not bytes).
    const max = 'ж'.repeat(4000);
    const copies = await sealClusterMessage(input({ body: { kind: 'text', text: max } }));
    expect((await openAs(copyFor(copies, bob), bob)).payload.body).toEqual({
      kind: 'text',
      text: max,
    });
    await expect(
      sealClusterMessage(input({ recipients: [bob.bundle, bob.bundle] })),
    ).rejects.toThrow(/twice/);
    await expect(sealClusterMessage(input({ clusterId: 'a/b' }))).rejects.toThrow();
  });
});
