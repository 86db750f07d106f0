import { describe, expect, it } from 'vitest';
import {
  chooseAndSave,
  expectChecked,
  openSection,
  sentVariables,
  settingsServer,
} from './organisation-settings-test-fixtures';

describe('who negotiates cluster leads for the organisation', () => {
  it('lets an admin allow the investigators too, and says it is saved', async () => {
    const hub = settingsServer();
    const s = await openSection(hub, 'lead-negotiators-section');
    await expectChecked(s, 'Admins only');

    await chooseAndSave(s, { choice: 'Admins and investigators', save: 'Save who negotiates' });
    expect(sentVariables(hub, 'SetLeadNegotiators')).toEqual([
      { policy: 'admins_and_investigators' },
    ]);
  });
});
