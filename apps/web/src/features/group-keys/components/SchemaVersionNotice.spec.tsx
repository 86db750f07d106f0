import { FINGERPRINT_SCHEMA_VERSION } from '@parallax/fingerprint';
import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { keyWorld } from '../../../test/key-world';
import { renderApp } from '../../../test/render-app';
import {
  AMIRA_ORG_ADMIN,
  keyWorldServer,
  RANA_COORDINATOR,
  SLOW,
  unlockKeys,
} from '../../../test/working-group-fixtures';

/** Rules older than this app's: what a group keyed before the schema change still uses. */
const OLD_RULES = 'v1';

/** A group whose current key epoch was made under older fingerprint rules. */
async function oldRulesGroup() {
  const w = keyWorld('group-1');
  const coordinator = w.addUser(RANA_COORDINATOR);
  const admin = w.addUser(AMIRA_ORG_ADMIN);
  w.certify('org_admin', admin, coordinator);
  await w.startEpoch(coordinator, [admin], undefined, OLD_RULES);
  return { w, coordinator, admin };
}

describe('a group whose keys use other fingerprint rules than this app', () => {
  it(
    'asks a coordinator to rotate the keys, with the Rotate action right there',
    { timeout: 60_000 },
    async () => {
      expect(FINGERPRINT_SCHEMA_VERSION).not.toBe(OLD_RULES);
      const { w, coordinator } = await oldRulesGroup();
      await renderApp({ path: '/working-groups/group-1', server: keyWorldServer(w, coordinator) });
      await unlockKeys();
      const notice = await screen.findByTestId('group-key-schema-mismatch', {}, { timeout: SLOW });
      expect(notice.textContent).toContain(
        `This group’s keys use fingerprint rules ${OLD_RULES}; rotate the keys to move to ${FINGERPRINT_SCHEMA_VERSION}, then cases are fingerprinted again.`,
      );
      // The existing Rotate action, offered once, inside the notice.
      const rotate = within(notice).getByTestId('group-key-rotate');
      expect(screen.getAllByTestId('group-key-rotate')).toHaveLength(1);
      fireEvent.click(rotate);
      const confirm = await screen.findByRole('dialog', { name: 'Rotate the group key?' });
      expect(confirm.textContent).toMatch(/fingerprints it again/);
    },
  );

  it(
    'tells a member that no new case can be registered until a coordinator rotates',
    { timeout: 60_000 },
    async () => {
      const { w, admin } = await oldRulesGroup();
      await renderApp({ path: '/working-groups/group-1', server: keyWorldServer(w, admin) });
      await unlockKeys();
      const notice = await screen.findByTestId('group-key-schema-mismatch', {}, { timeout: SLOW });
      expect(notice.textContent).toMatch(
        /new cases cannot be registered until a coordinator rotates the keys/,
      );
      expect(notice.getAttribute('data-epoch-version')).toBe(OLD_RULES);
      expect(screen.queryByTestId('group-key-rotate')).toBeNull();
    },
  );

  it('says nothing when the rules agree', { timeout: 60_000 }, async () => {
    const w = keyWorld('group-1');
    const coordinator = w.addUser(RANA_COORDINATOR);
    await w.startEpoch(coordinator, []);
    await renderApp({ path: '/working-groups/group-1', server: keyWorldServer(w, coordinator) });
    await unlockKeys();
    await screen.findByTestId('group-key-ready', {}, { timeout: SLOW });
    expect(screen.queryByTestId('group-key-schema-mismatch')).toBeNull();
    expect(screen.getByTestId('group-key-rotate')).toBeTruthy();
  });
});
