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

const CSV = [
  'Record ID,Full name,Date of birth,Passport,Notes',
  'r1,Zqxvorth Canarybird,1967,CNRY7741920,private note',
  'r2,Olena Petrenko,1970-05-02,,',
  'r3,Karim,,,',
].join('\n');

describe('importing a file', () => {
  it('previews locally, masked, then registers chunk by chunk with derived keys', async () => {
    const keyed = keyedViewer({ role: 'investigator' }, { role: 'investigator' });
    const { viewer } = keyed;
    const keyHandlers = await readyGroupKeyHandlers(keyed, new Uint8Array(32).fill(5));
    const registered = new Set<string>();
    const server = fakeServer({
      viewer,
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
        RegisterCases: (v) => ({
          data: {
            registerCases: (v['cases'] as Array<{ idempotencyKey: string }>).map((c) => {
              const created = !registered.has(c.idempotencyKey);
              registered.add(c.idempotencyKey);
              return {
                idempotencyKey: c.idempotencyKey,
                caseId: `case-${c.idempotencyKey.slice(0, 4)}`,
                created,
              };
            }),
          },
        }),
      },
    });
    await renderApp({ path: '/cases/import', server });
    const prompt = await screen.findByTestId('unlock-keys');
    fireEvent.change(within(prompt).getByLabelText(/^Password/), { target: { value: 'pw' } });
    fireEvent.click(within(prompt).getByRole('button', { name: 'Unlock keys' }));

    const file = new File([CSV], 'suspects.csv', { type: 'text/csv' });
    fireEvent.change(screen.getByTestId('import-file'), { target: { files: [file] } });
    const preview = await screen.findByTestId('import-preview');
    expect(within(preview).getByTestId('preview-records').getAttribute('data-value')).toBe('3');
    expect(within(preview).getByTestId('preview-without').getAttribute('data-value')).toBe('1');
    expect(
      Number(within(preview).getByTestId('preview-keys').getAttribute('data-value')),
    ).toBeGreaterThan(5);
    expect(within(preview).getByLabelText('What column Notes holds')).toBeTruthy();
    expect(preview.textContent).not.toContain('Zqxvorth');
    expect(preview.textContent).not.toContain('CNRY7741920');
    expect(server.calls.some((c) => c.operationName === 'EvaluateOprf')).toBe(false);

    const start = screen.getByTestId('import-start') as HTMLButtonElement;
    await waitFor(() => expect(start.disabled).toBe(false));
    fireEvent.click(start);
    await screen.findByText('The import is complete.', {}, { timeout: 10_000 });
    expect(screen.getByTestId('import-created').getAttribute('data-value')).toBe('2');
    expect(screen.getByTestId('import-existing').getAttribute('data-value')).toBe('0');
    expect(screen.getByTestId('import-failed').getAttribute('data-value')).toBe('1');

    const cases = server.calls
      .filter((c) => c.operationName === 'RegisterCases')
      .flatMap((c) => c.variables['cases'] as Array<{ reference: string; idempotencyKey: string }>);
    expect(cases.map((c) => c.reference)).toEqual([
      expect.stringMatching(/^IMP-[0-9A-Z]{10}$/),
      expect.stringMatching(/^IMP-[0-9A-Z]{10}$/),
    ]);
    const wire = server.requests.map((r) => String(r.body)).join('\n');
    for (const plain of ['Zqxvorth', 'CNRY7741920', 'Petrenko', 'private note', 'Record ID']) {
      expect(wire).not.toContain(plain);
    }
  }, 20_000);
});
