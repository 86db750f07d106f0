import { describe, expect, it } from 'vitest';
import {
  chooseAndSave,
  expectChecked,
  INVESTIGATOR,
  openSection,
  sentVariables,
  settingsServer,
} from './organisation-settings-test-fixtures';

const section = (hub: ReturnType<typeof settingsServer>) =>
  openSection(hub, 'overlap-alert-level-section');

describe('which overlaps alert the organisation', () => {
  it('explains each level, and lets an admin choose "possible" (sent once, said saved)', async () => {
    const hub = settingsServer();
    const s = await section(hub);
    await expectChecked(s, 'Probable and strong (recommended)');
    expect(s.getByText(/often namesakes/)).toBeTruthy();
    expect(s.getByText(/same passport number/)).toBeTruthy();

    await chooseAndSave(s, {
      choice: 'All: possible, probable and strong',
      save: 'Save the alert level',
    });
    expect(sentVariables(hub, 'SetOverlapAlertLevel')).toEqual([{ level: 'possible' }]);
  }, 60_000);

  it('shows an investigator the level without letting them change it', async () => {
    const s = await section(settingsServer(INVESTIGATOR));
    await expectChecked(s, 'Probable and strong (recommended)');
    for (const label of [
      'Strong only',
      'Probable and strong (recommended)',
      'All: possible, probable and strong',
    ])
      expect(s.getByLabelText<HTMLInputElement>(label).disabled).toBe(true);
    expect(s.queryByRole('button', { name: 'Save the alert level' })).toBeNull();
    expect(s.getByTestId('overlap-alert-level-readonly').textContent).toBe(
      'Your organisation’s admins choose this.',
    );
  });
});
