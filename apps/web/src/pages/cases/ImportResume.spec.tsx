import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeServer } from '../../test/fake-server';
import {
  keyedViewer,
  loginParametersHandler,
  oprfHandler,
  readyGroupKeyHandlers,
} from '../../test/keys-fixture';
import { renderApp } from '../../test/render-app';

const NAMES = ['Olena Petrenko', 'Karim Haddad', 'Rami Salameh', 'Iryna Bondar', 'Samir Khalil'];
/** 120 rows of 60 persons: each written twice, the second time in capitals. */
const CSV = [
  'Full name,Date of birth',
  ...Array.from({ length: 120 }, (_, row) => {
    const p = row % 60;
    const name = `${NAMES[p % 5]} ${String.fromCharCode(65 + (p % 26))}${String.fromCharCode(65 + Math.floor(p / 26))}`;
    return `${row >= 60 ? name.toUpperCase() : name},${1940 + p}`;
  }),
].join('\n');
const file = (text = CSV) => new File([text], 'suspects.csv', { lastModified: 1_700_000_000_000 });

async function unlock() {
  const prompt = await screen.findByTestId('unlock-keys');
  fireEvent.change(within(prompt).getByLabelText(/^Password/), { target: { value: 'pw' } });
  fireEvent.click(within(prompt).getByRole('button', { name: 'Unlock keys' }));
}

describe('an import cut short, continued after the page was reloaded', () => {
  it('continues the same file where it stopped; another file is refused', async () => {
    const keyed = keyedViewer({ role: 'investigator' }, { role: 'investigator' });
    const keyHandlers = await readyGroupKeyHandlers(keyed, new Uint8Array(32).fill(5));
    const sent: string[] = [];
    let down = false;
    const server = fakeServer({
      viewer: keyed.viewer,
      handlers: {
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
        ...keyHandlers,
        EvaluateOprf: oprfHandler(),
        RegisterCases: (v) => {
          const cases = v['cases'] as Array<{ idempotencyKey: string }>;
          if (down || sent.length >= 50) {
            down = true;
            return { errors: [{ message: 'INTERNAL', extensions: { code: 'INTERNAL' } }] };
          }
          sent.push(...cases.map((c) => c.idempotencyKey));
          return {
            data: {
              registerCases: cases.map((c) => ({
                idempotencyKey: c.idempotencyKey,
                caseId: `case-${c.idempotencyKey.slice(0, 6)}`,
                created: true,
              })),
            },
          };
        },
      },
    });

    const first = await renderApp({ path: '/cases/import', server });
    await unlock();
    fireEvent.change(screen.getByTestId('import-file'), { target: { files: [file()] } });
    const dryRun = await screen.findByTestId('import-dry-run');
    expect(within(dryRun).getByTestId('dry-run-distinct').getAttribute('data-value')).toBe('60');
    expect(within(dryRun).getByTestId('dry-run-duplicates').getAttribute('data-value')).toBe('60');
    const start = screen.getByTestId('import-start') as HTMLButtonElement;
    await waitFor(() => expect(start.disabled).toBe(false));
    fireEvent.click(start);
    // The hub fails after the first chunk: 50 registered, 10 waiting, none "not registered".
    await screen.findByTestId('import-continue', {}, { timeout: 10_000 });
    expect(screen.getByTestId('import-created').getAttribute('data-value')).toBe('50');
    expect(screen.getByTestId('import-waiting').getAttribute('data-value')).toBe('10');
    expect(screen.getByTestId('import-failed').getAttribute('data-value')).toBe('0');
    first.unmount();

    // The reload: the page offers to continue with the same file.
    down = false;
    sent.length = 0;
    await renderApp({ path: '/cases/import', server });
    await unlock();
    const banner = await screen.findByTestId('import-saved');
    expect(banner.textContent).toContain('An import of suspects.csv stopped at 50 of 60 records');
    fireEvent.change(screen.getByTestId('import-file'), {
      target: { files: [file(CSV.replace('1941', '1942'))] },
    });
    await screen.findByTestId('import-saved-other');
    fireEvent.change(screen.getByTestId('import-file'), { target: { files: [file()] } });
    const proceed = (await screen.findByTestId('import-continue')) as HTMLButtonElement;
    await waitFor(() => expect(proceed.disabled).toBe(false));
    fireEvent.click(proceed);
    await screen.findByText('The import is complete.', {}, { timeout: 10_000 });
    expect(screen.getByTestId('import-created').getAttribute('data-value')).toBe('60');
    expect(screen.getByTestId('import-skipped-duplicates').getAttribute('data-value')).toBe('60');
    // Only the 10 records not registered before were sent.
    expect(sent).toHaveLength(10);
  }, 30_000);
});
