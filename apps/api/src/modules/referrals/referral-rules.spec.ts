import type { PartyRole } from '@parallax/domain';
import { describe, expect, it } from 'vitest';
import {
  dayProblem,
  isReminderDue,
  mayFollowUp,
  mayRefer,
  reminderCutoff,
} from './referral-rules.js';

const NOW = new Date('2026-06-15T12:00:00Z');
const DAY = 24 * 3600_000;

describe('referral days', () => {
  it('accept real days up to today anywhere on Earth', () => {
    expect(dayProblem('2026-06-15', NOW)).toBeNull();
    expect(dayProblem('2024-02-29', NOW)).toBeNull();
    // At 12:00 UTC it is already 16 June in Kiribati (UTC+14).
    expect(dayProblem('2026-06-16', NOW)).toBeNull();
  });

  it('refuse days that do not exist, the future, typing errors and other formats', () => {
    expect(dayProblem('2026-02-29', NOW)).toMatch(/does not exist/);
    expect(dayProblem('2026-04-31', NOW)).toMatch(/does not exist/);
    expect(dayProblem('2026-13-01', NOW)).toMatch(/does not exist/);
    expect(dayProblem('2026-06-17', NOW)).toMatch(/future/);
    expect(dayProblem('1026-06-15', NOW)).toMatch(/typing error/);
    expect(dayProblem('15/06/2026', NOW)).toMatch(/YYYY-MM-DD/);
  });
});

describe('who refers and who follows up', () => {
  const roles: PartyRole[] = [
    { organisationId: 'lead', role: 'lead', mayRefer: true },
    { organisationId: 'co', role: 'co_lead', mayRefer: true },
    { organisationId: 'allowed', role: 'supporting', mayRefer: true },
    { organisationId: 'supporting', role: 'supporting', mayRefer: false },
    { organisationId: 'observer', role: 'observer', mayRefer: false },
  ];

  it('lets the lead, co-leads and allowed parties refer, nobody without an arrangement', () => {
    expect(
      ['lead', 'co', 'allowed', 'supporting', 'observer', 'newcomer'].filter((o) =>
        mayRefer(roles, o),
      ),
    ).toEqual(['lead', 'co', 'allowed']);
    expect(mayRefer(null, 'lead')).toBe(false);
  });

  it('lets the recording organisation and those who lead follow a referral up', () => {
    expect(mayFollowUp(roles, 'allowed', 'allowed')).toBe(true);
    expect(mayFollowUp(roles, 'lead', 'allowed')).toBe(true);
    expect(mayFollowUp(roles, 'co', 'allowed')).toBe(true);
    expect(mayFollowUp(roles, 'supporting', 'allowed')).toBe(false);
    expect(mayFollowUp(null, 'lead', 'allowed')).toBe(false);
  });
});

describe('reminders', () => {
  it('are due after the interval without news, never for declined or closed referrals', () => {
    const changed = new Date(NOW.getTime() - 60 * DAY);
    expect(isReminderDue('acknowledged', changed, NOW, 60)).toBe(true);
    expect(isReminderDue('acknowledged', new Date(changed.getTime() + 1), NOW, 60)).toBe(false);
    expect(isReminderDue('declined', changed, NOW, 60)).toBe(false);
    expect(isReminderDue('closed', changed, NOW, 60)).toBe(false);
    expect(reminderCutoff(NOW, 60)).toEqual(changed);
  });
});
