import { formatOfName } from '@parallax/fingerprint';
import type { ImportFormat } from '../../fingerprinting/utils/protocol';

/** The format a file's name suggests, as the CLI reads it (the user may change it; CSV when the name says nothing). */
export function formatOf(fileName: string): ImportFormat {
  return formatOfName(fileName) ?? 'csv';
}

export const ACCEPTED_FILES = '.csv,.tsv,.txt,.jsonl,.ndjson,.json,.ftm,text/csv,application/json';
