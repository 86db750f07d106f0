import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeServer, type FakeServer } from '../../../test/fake-server';
import {
  keyedViewer,
  loginParametersHandler,
  oprfHandler,
  readyGroupKeyHandlers,
} from '../../../test/keys-fixture';
import { renderApp } from '../../../test/render-app';

/**
 * The case reference reaches the hub in clear: a reference carrying a token
 * of the suspect's names, in any script, is refused on the form and nothing
 * at all is sent — no OPRF request, no registration.
 */
const CANARY = 'Zqxvorth';
const SLOW = 10_000;

async function formServer(pattern: string | null = null): Promise<FakeServer> {
  const keyed = keyedViewer({ role: 'investigator' }, { role: 'investigator' });
  return fakeServer({
    viewer: keyed.viewer,
    handlers: {
      ...(await readyGroupKeyHandlers(keyed, new Uint8Array(32).fill(5))),
      LoginParameters: loginParametersHandler,
      WorkingGroups: () => ({
        data: {
          workingGroups: [
            {
              __typename: 'WorkingGroup',
              id: 'group-1',
              name: 'Syria group',
              description: '',
              members: [],
            },
          ],
        },
      }),
      EvaluateOprf: oprfHandler(),
      OrganisationReferencePattern: (variables) => ({
        data: {
          organisation: {
            __typename: 'Organisation',
            id: variables['id'],
            caseReferencePattern: pattern,
          },
        },
      }),
    },
  });
}

async function openForm(server: FakeServer) {
  await renderApp({ path: '/cases/new', server });
  // A busy machine renders slowly: wait longer than the default second.
  await screen.findByTestId('register-case-form', {}, { timeout: SLOW });
  const prompt = await screen.findByTestId('unlock-keys', {}, { timeout: SLOW });
  fireEvent.change(within(prompt).getByLabelText(/^Password/), { target: { value: 'pw' } });
  fireEvent.click(within(prompt).getByRole('button', { name: 'Unlock keys' }));
  await waitFor(
    () =>
      expect((screen.getByTestId('register-case-submit') as HTMLButtonElement).disabled).toBe(
        false,
      ),
    { timeout: SLOW },
  );
}

const type = (label: string | RegExp, value: string) =>
  fireEvent.change(screen.getByLabelText(label), { target: { value } });

/** An element whose whole text (across <bdi> parts) matches, and none of whose children does. */
const textMatching = (re: RegExp) => (_: string, el: Element | null) =>
  el !== null &&
  re.test(el.textContent ?? '') &&
  ![...el.children].some((c) => re.test(c.textContent ?? ''));

/** Operations that would carry the case or its identifiers to the hub. */
const sentToHub = (server: FakeServer) =>
  server.calls.filter(
    (c) => c.operationName === 'EvaluateOprf' || c.operationName === 'RegisterCases',
  );

describe('the case reference on the register form', () => {
  it.each([
    ['ZQXVORTH-2024-17', `${CANARY} Canarybird`],
    ['MOHAMMED-17', 'محمد الحلبي'],
    ['UA/Ivanov_01', 'Иванов Сергей'],
  ])(
    'refuses %s for the suspect %s, and sends nothing',
    async (reference, name) => {
      const server = await formServer();
      await openForm(server);
      type(/^Reference/, reference);
      type('Name 1', name);
      fireEvent.click(screen.getByTestId('register-case-submit'));
      expect(
        await screen.findByText(/must not contain a name of the suspect/, {}, { timeout: SLOW }),
      ).toBeTruthy();
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(sentToHub(server)).toEqual([]);
      const wire = server.requests.map((r) => String(r.body)).join('\n');
      expect(wire.toLowerCase()).not.toContain(CANARY.toLowerCase());
    },
    40_000,
  );

  it("shows the organisation's pattern with an example, and refuses a reference that does not follow it", async () => {
    const server = await formServer('UA-####-@@');
    await openForm(server);
    expect(
      await screen.findByText(
        textMatching(/following its pattern UA-####-@@ \(for example UA-1234-AB\)/),
        {},
        { timeout: SLOW },
      ),
    ).toBeTruthy();
    type(/^Reference/, 'SYR-2024-017');
    type('Birth date 1', '1967');
    fireEvent.click(screen.getByTestId('register-case-submit'));
    expect(
      await screen.findByText(
        textMatching(/references follow the pattern UA-####-@@, for example UA-1234-AB/),
        {},
        { timeout: SLOW },
      ),
    ).toBeTruthy();
    expect(sentToHub(server)).toEqual([]);
  }, 40_000);
});
