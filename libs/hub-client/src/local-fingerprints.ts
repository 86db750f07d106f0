import { utf8ToBytes } from '@noble/hashes/utils.js';
import {
  blind,
  extractKeys,
  finalizeBatch,
  fingerprint,
  keyInputString,
  oprfReady,
  type ExtractKeysOptions,
  type Fingerprint,
  type FingerprintKey,
  type FtmPerson,
} from '@parallax/fingerprint';
import { nameLimitProblem } from './case-limits.js';
import type { ChunkFingerprinter, FingerprintedRecord } from './import-types.js';

export interface LocalFingerprintOptions extends ExtractKeysOptions {
  readonly groupKey: Uint8Array;
  /** The caller's own case reference of a record, if any. */
  readonly reference?: ((person: FtmPerson) => string | undefined) | undefined;
}

const byKindThenValue = (a: Fingerprint, b: Fingerprint): number =>
  a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : a.fp < b.fp ? -1 : a.fp > b.fp ? 1 : 0;

/**
 * Fingerprints persons held in memory, in this process (the CLI, scripts).
 * Remembers each OPRF input's fingerprint across chunks: a key shared by
 * many records (a common name pair) is evaluated once per import. Gives the
 * same fingerprints, in the same order, as fingerprintPersons.
 */
export function localChunkFingerprinter(
  persons: readonly FtmPerson[],
  options: LocalFingerprintOptions,
): ChunkFingerprinter {
  const extractOptions: ExtractKeysOptions =
    options.defaultPhoneCountry !== undefined
      ? { defaultPhoneCountry: options.defaultPhoneCountry }
      : {};
  const cache = new Map<string, string>();
  return async (start, end, evaluator) => {
    await oprfReady();
    const slice = persons.slice(start, end);
    // A record with more names than one person has is not fingerprinted at all
    // (no evaluation spent): it yields no fingerprints and is not registered.
    const keysPerRecord: FingerprintKey[][] = slice.map((p) =>
      nameLimitProblem(p) === null ? extractKeys(p, extractOptions) : [],
    );
    const pending = new Map<string, FingerprintKey>();
    for (const keys of keysPerRecord) {
      for (const k of keys) {
        const s = keyInputString(k.kind, k.value);
        if (!cache.has(s)) pending.set(s, k);
      }
    }
    if (pending.size > 0) {
      const inputs = [...pending.keys()].map((s) => utf8ToBytes(s));
      const blinded = inputs.map((input) => blind(input));
      const evaluated = await evaluator(blinded.map((b) => b.blindedElement));
      const outputs = finalizeBatch(
        inputs,
        blinded.map((b) => b.blind),
        evaluated,
      );
      [...pending.keys()].forEach((s, i) =>
        cache.set(s, fingerprint(options.groupKey, outputs[i] as Uint8Array)),
      );
    }
    return slice.map((person, i): FingerprintedRecord => {
      const seen = new Set<string>();
      const fps: Fingerprint[] = [];
      for (const k of keysPerRecord[i] ?? []) {
        const fp = cache.get(keyInputString(k.kind, k.value)) as string;
        const id = `${k.kind} ${fp}`;
        if (seen.has(id)) continue;
        seen.add(id);
        fps.push({ kind: k.kind, fp });
      }
      return {
        recordId: person.id,
        fingerprints: fps.sort(byKindThenValue),
        reference: options.reference?.(person),
      };
    });
  };
}
