import { DirectionProvider, MantineProvider } from '@mantine/core';
import { fireEvent, render, screen } from '@testing-library/react';
import { IMPORT_FIXTURES } from '@parallax/fingerprint';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { I18nProvider } from '../../../i18n/I18nProvider';
import { englishMessages } from '../../../i18n/messages';
import { createInProcessFingerprinter } from '../../fingerprinting/utils/in-process';
import { PreviewPanel } from './PreviewPanel';

async function preview(name: string) {
  const fixture = IMPORT_FIXTURES.find((f) => f.name === name);
  if (!fixture) throw new Error(name);
  return createInProcessFingerprinter().run({
    kind: 'parse',
    file: new Blob([Uint8Array.from(fixture.bytes)]),
    format: fixture.format,
  });
}

function show(p: Awaited<ReturnType<typeof preview>>) {
  return render(
    <DirectionProvider>
      <MantineProvider>
        <I18nProvider initialLocale="en" initialMessages={englishMessages}>
          <PreviewPanel preview={p} disabled={false} onRemap={() => undefined} />
        </I18nProvider>
      </MantineProvider>
    </DirectionProvider>,
  );
}

afterEach(() => vi.restoreAllMocks());

describe('PreviewPanel: what is wrong with the file', () => {
  it('an empty file: one message, no counts of zero, no warning about the record-id column', async () => {
    show(await preview('empty'));
    expect(screen.getByTestId('import-file-problem').textContent).toBe('This file is empty.');
    expect(screen.queryByTestId('preview-records')).toBeNull();
    expect(screen.queryByText(/record id/u)).toBeNull();
  });

  it('no name column: says so and shows the columns to choose one', async () => {
    show(await preview('wrong header'));
    expect(screen.getByTestId('import-file-problem').textContent).toContain(
      'No column was recognised as a name',
    );
    expect(screen.getByTestId('import-mapping')).toBeTruthy();
  });

  it('lists the skipped rows, counted per problem, and downloads a report without the values', async () => {
    let report: Blob | undefined;
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      report = blob as Blob;
      return 'blob:report';
    });
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    show(await preview('birth dates'));
    expect(screen.getByTestId('problem-count-invalid_birth_date').textContent).toBe(
      'Invalid birth date: 5 rows',
    );
    expect(screen.getAllByText('Invalid birth date (no such day)')).toHaveLength(2);
    fireEvent.click(screen.getByTestId('import-problem-report'));
    const text = await (report as Blob).text();
    expect(text).toContain('2,Date of birth,invalid_birth_date,impossible');
    expect(text).not.toContain('31/02');
    expect(text).not.toContain('Олена');
  });
});
