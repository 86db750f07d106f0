import { describe, expect, it } from 'vitest';
import { sealClusterMessage } from './cluster-message.js';
import { withNewKeys, testUser } from './testing/users.js';
import {
  alice,
  bob,
  carol,
  CLUSTER,
  copyFor,
  input,
  MESSAGE,
  openAs,
  problemOf,
} from './testing/cluster-messages.js';

describe('cluster messages (HPKE Auth mode, signed inside)', () => {
  it('round trip: every recipient (the sender too) opens the same signed payload', async () => {
    const copies = await sealClusterMessage(input());
    expect(copies.map((c) => c.userId)).toEqual([alice.bundle.userId, bob.bundle.userId]);
    for (const u of [alice, bob]) {
      const { payload } = await openAs(copyFor(copies, u), u);
      expect(payload).toEqual({
        v: 1,
        clusterId: CLUSTER,
        messageId: MESSAGE,
        senderUserId: alice.bundle.userId,
        recipients: [alice.bundle.userId, bob.bundle.userId].sort(),
        audience: 'parties',
        sentAt: '2026-11-27T10:00:00.000Z',
        body: { kind: 'text', text: 'Meet on Signal at 10' },
      });
    }
  });

  it('carries contact cards and notes', async () => {
    const card = {
      kind: 'contact_card',
      name: 'Dana Roe',
      role: 'Lead investigator',
      channel: 'Signal +1 555 0100',
    } as const;
    const note = { kind: 'note', text: 'We lead; you support.', about: 'proposal' } as const;
    for (const body of [card, note]) {
      const copies = await sealClusterMessage(
        input({ body, audience: 'parties_and_coordinators' }),
      );
      expect((await openAs(copyFor(copies, bob), bob)).payload.body).toEqual(body);
    }
  });

  it('round trips Arabic and Ukrainian text exactly', async () => {
    for (const text of [
      'نلتقي غدًا في الساعة العاشرة، والملف جاهز للمشاركة.',
      'Зустрінемося завтра о десятій; справа готова до передачі.\nДякую!',
    ]) {
      const copies = await sealClusterMessage(input({ body: { kind: 'text', text } }));
      expect((await openAs(copyFor(copies, bob), bob)).payload.body).toEqual({
        kind: 'text',
        text,
      });
    }
  });

  it('refuses a copy checked against another sender key (a hub-substituted sender)', async () => {
    const copies = await sealClusterMessage(input());
    const fake = withNewKeys(alice);
    expect(await problemOf(openAs(copyFor(copies, bob), bob, { sender: fake.bundle }))).toBe(
      'undecryptable',
    );
  });

  it('refuses a tampered copy', async () => {
    const sealed = copyFor(await sealClusterMessage(input()), bob);
    for (const at of [0, 40, sealed.length - 1]) {
      const bad = Uint8Array.from(sealed);
      bad[at] = (bad[at] ?? 0) ^ 1;
      expect(await problemOf(openAs(bad, bob))).toBe('undecryptable');
    }
    expect(await problemOf(openAs(sealed.subarray(0, 40), bob))).toBe('undecryptable');
  });

  it('refuses a copy replayed to another recipient, in another cluster or under another message id', async () => {
    const copies = await sealClusterMessage(
      input({ recipients: [alice.bundle, bob.bundle, carol.bundle] }),
    );
    const bobs = copyFor(copies, bob);
    expect(await problemOf(openAs(bobs, carol))).toBe('undecryptable');
    expect(await problemOf(openAs(bobs, bob, { recipientUserId: carol.bundle.userId }))).toBe(
      'undecryptable',
    );
    expect(
      await problemOf(openAs(bobs, bob, { clusterId: 'c0000000-0000-4000-8000-000000000002' })),
    ).toBe('undecryptable');
    expect(
      await problemOf(openAs(bobs, bob, { messageId: 'a0000000-0000-4000-8000-000000000002' })),
    ).toBe('undecryptable');
  });

  it('refuses a signature by another key, even with the right HPKE sender', async () => {
    const mallory = testUser('u-mallory', 'org-m');
    const copies = await sealClusterMessage(
      input({
        sender: {
          userId: alice.bundle.userId,
          encryptionPrivateKey: alice.encryptionPrivateKey,
          signingPrivateKey: mallory.signingPrivateKey,
        },
      }),
    );
    expect(await problemOf(openAs(copyFor(copies, bob), bob))).toBe('unverified');
  });
});
