/**
 * Bulk import of persons held in memory (the CLI, scripts): the shared
 * orchestrator ({@link runImport}) with the in-process fingerprinter.
 */
import type { ExtractKeysOptions, FtmPerson } from '@parallax/fingerprint';
import { validateImportInput } from './import-input.js';
import { runImport } from './import-run.js';
import type { ImportResult, RunImportOptions } from './import-types.js';
import { localChunkFingerprinter } from './local-fingerprints.js';

export interface ImportPersonsOptions
  extends ExtractKeysOptions, Omit<RunImportOptions, 'total' | 'fingerprintChunk' | 'from'> {
  /**
   * The case reference of a record, when the caller has a non-identifying
   * label (e.g. a column of case numbers). Default: importReference.
   */
  readonly reference?: ((person: FtmPerson) => string | undefined) | undefined;
}

/**
 * Fingerprints `persons` through the hub's OPRF and registers one case per
 * person, chunk by chunk. Returns what was registered; throws
 * ImportInputError before contacting the hub if the input is unusable, and
 * ImportInterrupted if it stops part-way.
 */
export async function importPersons(
  persons: readonly FtmPerson[],
  options: ImportPersonsOptions,
): Promise<ImportResult> {
  validateImportInput(persons, options);
  return runImport({
    ...options,
    total: persons.length,
    fingerprintChunk: localChunkFingerprinter(persons, {
      groupKey: options.groupKey,
      reference: options.reference,
      ...(options.defaultPhoneCountry !== undefined
        ? { defaultPhoneCountry: options.defaultPhoneCountry }
        : {}),
    }),
  });
}
