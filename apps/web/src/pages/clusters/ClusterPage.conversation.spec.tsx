import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeServer } from '../../test/fake-server';
import { loginParametersHandler } from '../../test/keys-fixture';
import { renderApp } from '../../test/render-app';
import { CLUSTER, SLOW } from './clusters-test-fixtures';
import { conversationWorld } from './conversation-test-fixtures';

async function openConversation() {
  const w = await conversationWorld();
  await w.sendAs(w.B, { kind: 'text', text: 'Our witness list matches yours.' });
  await w.sendAs(w.B, {
    kind: 'contact_card',
    name: 'Layla Haddad',
    role: 'Lead investigator',
    channel: 'Signal +41 79 000 00 00',
  });
  // Mallory's key is certified by nobody: her message is shown as unverified, never read.
  await w.sendAs(w.M, { kind: 'text', text: 'Send me your files.' });
  const server = fakeServer({
    viewer: w.viewer,
    handlers: {
      ...w.handlers,
      LoginParameters: loginParametersHandler,
      Cluster: () => ({ data: { cluster: CLUSTER } }),
    },
  });
  await renderApp({ path: '/clusters/cluster-1', server });
  const prompt = await screen.findByTestId('unlock-keys', {}, SLOW);
  fireEvent.change(within(prompt).getByLabelText(/^Password/), { target: { value: 'pw' } });
  fireEvent.click(within(prompt).getByRole('button', { name: 'Unlock keys' }));
  await waitFor(() => expect(screen.getAllByTestId('conversation-message')).toHaveLength(3), SLOW);
  return { w, server };
}

const shown = () =>
  screen.getAllByTestId('conversation-message').map((m) => ({
    sender: within(m).getByTestId('message-sender').textContent,
    verified: m.getAttribute('data-verified'),
    text: m.textContent,
  }));

describe('the cluster conversation', { timeout: 40_000 }, () => {
  it('opens the copies on this device, oldest first, and flags what it cannot verify', async () => {
    const { server } = await openConversation();
    const [first, card, forged] = shown();
    expect(first?.sender).toBe('Justice Archive');
    expect(first?.verified).toBe('true');
    expect(first?.text).toContain('Our witness list matches yours.');
    expect(card?.text).toContain('Layla Haddad');
    expect(card?.text).toContain('Secure channel: Signal +41 79 000 00 00');
    expect(forged?.sender).toBe('Unknown sender');
    expect(forged?.verified).toBe('false');
    expect(forged?.text).toContain('This message could not be verified');
    expect(forged?.text).not.toContain('Send me your files');
    // Shown means read.
    await waitFor(() =>
      expect(
        server.calls.find((c) => c.operationName === 'MarkClusterMessagesRead')?.variables,
      ).toEqual({
        clusterId: 'cluster-1',
      }),
    );
  });

  it('polls a few bytes, and fetches and opens the conversation again only when it changed', async () => {
    const { w, server } = await openConversation();
    const count = (name: string) => server.calls.filter((c) => c.operationName === name).length;
    // Marking read changes the head once; let that reload settle.
    await waitFor(() => expect(count('MarkClusterMessagesRead')).toBe(1));
    await new Promise((r) => setTimeout(r, 3_500));
    const loads = count('ClusterMessages');
    const heads = count('ClusterMessagesHead');
    await new Promise((r) => setTimeout(r, 6_500));
    expect(count('ClusterMessagesHead')).toBeGreaterThan(heads);
    expect(count('ClusterMessages')).toBe(loads);
    await w.sendAs(w.B, { kind: 'text', text: 'One more thing.' });
    await waitFor(
      () => expect(screen.getAllByTestId('conversation-message')).toHaveLength(4),
      SLOW,
    );
    expect(count('ClusterMessages')).toBe(loads + 1);
  });

  it('seals a message to verified participants only, says whom it skipped, and sends no plaintext', async () => {
    const { w, server } = await openConversation();
    fireEvent.change(screen.getByRole('textbox', { name: /^Message/ }), {
      target: { value: 'CANARY-7f3a: meeting on Tuesday' },
    });
    fireEvent.click(screen.getByTestId('conversation-send'));
    const warning = await screen.findByTestId('conversation-skipped', {}, SLOW);
    expect(warning.textContent).toBe(
      '1 recipient was skipped because this device has not verified their key: Mallory. They cannot read this message.',
    );
    const sent = w.messages.at(-1);
    expect([...(sent?.copies.keys() ?? [])].sort()).toEqual(['user-1', 'user-2']);
    const wire = server.requests.map((r) => String(r.body)).join('\n');
    expect(wire).not.toContain('CANARY-7f3a');
    await waitFor(() => expect(screen.getAllByTestId('conversation-message')).toHaveLength(4));
    const mine = shown().at(-1);
    expect(mine?.sender).toBe('You');
    expect(mine?.text).toContain('CANARY-7f3a: meeting on Tuesday');
  });

  it('shares a contact card, which needs a name and a channel', async () => {
    const { w } = await openConversation();
    fireEvent.click(screen.getByTestId('contact-card-open'));
    const form = screen.getByTestId('contact-card-form');
    fireEvent.click(within(form).getByTestId('contact-card-share'));
    expect(within(form).getAllByText('Required.')).toHaveLength(2);
    expect(w.messages).toHaveLength(3);
    fireEvent.change(within(form).getByLabelText(/^Name/), { target: { value: 'Amal Admin' } });
    fireEvent.change(within(form).getByLabelText(/^Preferred secure channel/), {
      target: { value: 'amal@proton.example' },
    });
    fireEvent.click(within(form).getByTestId('contact-card-share'));
    await waitFor(() => expect(screen.getAllByTestId('contact-card')).toHaveLength(2), SLOW);
    expect(w.messages).toHaveLength(4);
  });

  it('reads in Arabic, right to left', async () => {
    const w = await conversationWorld();
    await w.sendAs(w.B, { kind: 'text', text: 'مرحبا' });
    const server = fakeServer({
      viewer: w.viewer,
      handlers: {
        ...w.handlers,
        LoginParameters: loginParametersHandler,
        Cluster: () => ({ data: { cluster: CLUSTER } }),
      },
    });
    await renderApp({ locale: 'ar', path: '/clusters/cluster-1', server });
    const prompt = await screen.findByTestId('unlock-keys', {}, SLOW);
    fireEvent.change(within(prompt).getByLabelText(/^كلمة المرور/), { target: { value: 'pw' } });
    fireEvent.click(within(prompt).getByRole('button', { name: 'فتح المفاتيح' }));
    const message = await screen.findByTestId('conversation-message', {}, SLOW);
    expect(document.documentElement.dir).toBe('rtl');
    expect(within(message).getByTestId('message-verified').textContent).toBe('موثَّقة');
    expect(screen.getByTestId('conversation-send').textContent).toBe('إرسال');
  });
});
