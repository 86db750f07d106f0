import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { graphqlError } from '../../../../test/fake-server';
import {
  SLOW,
  cluster,
  fakeNotes,
  renderPanel,
  role,
} from '../arrangement/arrangement-test-fixtures';
import { ReferralsPanel } from './ReferralsPanel';
import { handlers, leading, referral } from './referrals-test-fixtures';

describe('the referrals panel', { timeout: 60_000 }, () => {
  it('records a referral: authority, date, categories, and a sealed note', async () => {
    const onChanged = vi.fn();
    const { notes, sealed } = fakeNotes();
    const { server } = await renderPanel(
      <ReferralsPanel cluster={cluster({}, leading)} onChanged={onChanged} />,
      {
        notes,
        handlers,
      },
    );
    expect(await screen.findByText('No referral recorded yet.', {}, SLOW)).toBeTruthy();
    fireEvent.click(screen.getByTestId('referral-new'));
    const form = await screen.findByTestId('referral-form');
    fireEvent.click(within(form).getByTestId('referral-submit'));
    expect(await within(form).findByText('Choose an authority.')).toBeTruthy();
    expect(
      within(form).getByText('Say what was handed over (one category at least).'),
    ).toBeTruthy();
    expect(server.calls.some((c) => c.operationName === 'RecordReferral')).toBe(false);

    const authority = within(form).getByRole('combobox', {
      name: /^Authority/,
    }) as HTMLSelectElement;
    await waitFor(() => expect(authority.querySelectorAll('optgroup')).toHaveLength(3));
    expect([...authority.querySelectorAll('optgroup')].map((g) => g.label)).toEqual([
      'National war-crimes units',
      'International Criminal Court',
      'Other',
    ]);
    fireEvent.change(authority, { target: { value: 'other' } });
    fireEvent.click(within(form).getByTestId('referral-submit'));
    expect(await within(form).findByText('Give the authority’s name.')).toBeTruthy();
    fireEvent.change(within(form).getByLabelText(/^Name of the authority/), {
      target: { value: 'Prosecutor of Nowhere' },
    });
    fireEvent.change(within(form).getByLabelText(/^Referred on/), {
      target: { value: '2026-11-02' },
    });
    fireEvent.click(within(form).getByLabelText('Witness statements'));
    fireEvent.click(within(form).getByLabelText('Documents'));
    fireEvent.change(within(form).getByLabelText(/^Note/), {
      target: { value: 'CANARY-REFERRAL handed by hand' },
    });
    fireEvent.click(within(form).getByTestId('referral-submit'));

    await waitFor(() =>
      expect(server.calls.find((c) => c.operationName === 'RecordReferral')?.variables).toEqual({
        input: {
          clusterId: 'cl-1',
          authorityId: 'other',
          authorityName: 'Prosecutor of Nowhere',
          referredOn: '2026-11-02',
          categories: ['witness_statements', 'documents'],
          note: {
            messageId: 'note-1',
            audience: 'parties_and_coordinators',
            copies: [{ userId: 'user-2', sealed: 'c2VhbGVk' }],
          },
        },
      }),
    );
    expect(sealed).toEqual([
      { clusterId: 'cl-1', text: 'CANARY-REFERRAL handed by hand', about: 'referral' },
    ]);
    expect(JSON.stringify(server.calls)).not.toContain('CANARY-REFERRAL');
    await waitFor(() => expect(onChanged).toHaveBeenCalled());
  });

  it('lists referrals with their history, and moves one on to a status the hub offers', async () => {
    const onChanged = vi.fn();
    const { server } = await renderPanel(
      <ReferralsPanel
        cluster={cluster({ referrals: [referral] }, leading)}
        onChanged={onChanged}
      />,
      { handlers },
    );
    const item = await screen.findByTestId('referral', {}, SLOW);
    expect(within(item).getByTestId('referral-status').textContent).toBe('Referred');
    expect(within(item).getByTestId('referral-reminder').textContent).toBe('Feedback due');
    expect(within(item).getByTestId('referral-categories').textContent).toBe(
      'Witness statementsPhotos and video',
    );
    expect(within(item).getByTestId('referral-history').textContent).toBe(
      'Referred on Sep 1, 2026, recorded by Example Centre',
    );

    fireEvent.click(within(item).getByRole('button', { name: 'Update the status' }));
    const form = await within(item).findByTestId('referral-status-form');
    const status = within(form).getByRole('combobox', { name: 'New status' }) as HTMLSelectElement;
    expect([...status.options].map((o) => o.textContent)).toEqual([
      'Acknowledged',
      'Investigation opened',
      'Declined',
      'Closed',
    ]);
    fireEvent.change(status, { target: { value: 'acknowledged' } });
    fireEvent.change(within(form).getByLabelText(/^Since/), { target: { value: '2026-10-01' } });
    fireEvent.click(within(form).getByTestId('referral-status-submit'));
    await waitFor(() =>
      expect(
        server.calls.find((c) => c.operationName === 'UpdateReferralStatus')?.variables,
      ).toEqual({
        input: {
          referralId: 'ref-1',
          expectedVersion: 1,
          status: 'acknowledged',
          statusOn: '2026-10-01',
          note: null,
        },
      }),
    );
    await waitFor(() => expect(onChanged).toHaveBeenCalled());
  });

  it('says so when someone updated the referral meanwhile', async () => {
    const onChanged = vi.fn();
    await renderPanel(
      <ReferralsPanel
        cluster={cluster({ referrals: [referral] }, leading)}
        onChanged={onChanged}
      />,
      {
        handlers: {
          ...handlers,
          UpdateReferralStatus: () => graphqlError('REFERRAL_VERSION_STALE'),
        },
      },
    );
    const item = await screen.findByTestId('referral', {}, SLOW);
    fireEvent.click(within(item).getByRole('button', { name: 'Update the status' }));
    fireEvent.click(await within(item).findByTestId('referral-status-submit'));
    expect((await screen.findByTestId('action-error')).textContent).toBe(
      'Someone updated this referral meanwhile. It has been reloaded: check it and try again.',
    );
    expect(onChanged).toHaveBeenCalledTimes(1);
  });

  it('is read only for a coordinator and for a party the roles do not allow', async () => {
    await renderPanel(
      <ReferralsPanel
        cluster={cluster({ referrals: [referral], viewerAccess: 'coordinator' }, leading)}
        onChanged={() => undefined}
      />,
      { handlers },
    );
    expect(await screen.findByTestId('referral', {}, SLOW)).toBeTruthy();
    expect(screen.queryByTestId('referral-new')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Update the status' })).toBeNull();
  });

  it('hides recording from a supporting party without “may refer”', async () => {
    const supporting = {
      status: 'agreed',
      inForce: [
        role('org-1', 'supporting'),
        role('org-2', 'lead', true),
        role('org-3', 'observer'),
      ],
    };
    await renderPanel(
      <ReferralsPanel cluster={cluster({}, supporting)} onChanged={() => undefined} />,
      { handlers },
    );
    expect(
      await screen.findByText(
        'Under the roles in force, your organisation does not record referrals of this cluster.',
        {},
        SLOW,
      ),
    ).toBeTruthy();
    expect(screen.queryByTestId('referral-new')).toBeNull();
  });

  it('reads in Arabic, right to left', async () => {
    await renderPanel(
      <ReferralsPanel
        cluster={cluster({ referrals: [referral] }, leading)}
        onChanged={() => undefined}
      />,
      {
        handlers,
        locale: 'ar',
      },
    );
    expect(await screen.findByRole('heading', { name: 'الإحالات إلى السلطات' }, SLOW)).toBeTruthy();
    expect(screen.getByTestId('referral-status').textContent).toBe('محالة');
    expect(screen.getByRole('button', { name: 'تسجيل إحالة' })).toBeTruthy();
    expect(document.documentElement.dir).toBe('rtl');
  });
});
