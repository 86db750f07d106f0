import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { expect } from 'vitest';
import {
  fakeServer,
  ORG_ADMIN_VIEWER,
  type FakeServer,
  type FakeViewer,
} from '../../../test/fake-server';
import { renderApp } from '../../../test/render-app';

// The organisation page's fake hub and steps, shared by the spec files of
// its settings sections (OrganisationSettingSection and its wrappers).

export const INVESTIGATOR: FakeViewer = {
  ...ORG_ADMIN_VIEWER,
  user: { ...ORG_ADMIN_VIEWER.user, role: 'investigator' },
  actor: { ...ORG_ADMIN_VIEWER.actor, role: 'investigator' },
};

const organisation = (id: unknown, fields: Record<string, string>) => ({
  __typename: 'Organisation',
  id,
  ...fields,
});

/** A hub that keeps the organisation's settings (at their defaults) and saves them. */
export function settingsServer(viewer: FakeViewer = ORG_ADMIN_VIEWER): FakeServer {
  let leadNegotiators = 'admins';
  let overlapAlertLevel = 'probable';
  return fakeServer({
    viewer,
    handlers: {
      OrganisationUsers: () => ({ data: { users: [] } }),
      OrganisationInvitations: () => ({ data: { invitations: [] } }),
      OrganisationLeadNegotiators: (variables) => ({
        data: { organisation: organisation(variables['id'], { leadNegotiators }) },
      }),
      OrganisationOverlapAlertLevel: (variables) => ({
        data: { organisation: organisation(variables['id'], { overlapAlertLevel }) },
      }),
      SetLeadNegotiators: (variables) => {
        leadNegotiators = variables['policy'] as string;
        return { data: { setLeadNegotiators: organisation('org-1', { leadNegotiators }) } };
      },
      SetOverlapAlertLevel: (variables) => {
        overlapAlertLevel = variables['level'] as string;
        return { data: { setOverlapAlertLevel: organisation('org-1', { overlapAlertLevel }) } };
      },
    },
  });
}

/** Opens the organisation page on this hub and finds the section with this test id. */
export async function openSection(hub: FakeServer, testId: string) {
  await renderApp({ path: '/organisation', server: hub });
  // The page is loaded lazily: its first transform is slow on a busy machine.
  return within(await screen.findByTestId(testId, {}, { timeout: 45_000 }));
}

export type Section = Awaited<ReturnType<typeof openSection>>;

/** Waits for the saved choice to show as checked. */
export async function expectChecked(s: Section, label: string) {
  await waitFor(() => expect(s.getByLabelText<HTMLInputElement>(label).checked).toBe(true));
}

/**
 * Checks that the save button waits for a change, then picks the option
 * labelled `choice`, saves it and waits for the saved status.
 */
export async function chooseAndSave(
  s: Section,
  { choice, save }: { choice: string; save: string },
) {
  const button = s.getByRole('button', { name: save });
  expect(button.hasAttribute('disabled')).toBe(true);
  fireEvent.click(s.getByLabelText(choice));
  fireEvent.click(button);
  expect(await s.findByRole('status')).toBeTruthy();
}

/** The variables of each call of one operation, in order. */
export const sentVariables = (hub: FakeServer, operationName: string) =>
  hub.calls.filter((call) => call.operationName === operationName).map((call) => call.variables);
