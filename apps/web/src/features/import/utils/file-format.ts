import type { ImportFormat } from '../../fingerprinting/utils/protocol';

/** The format a file's name suggests (the user may change it). */
export function formatOf(fileName: string): ImportFormat {
  return /\.(jsonl|ndjson|json|ftm)$/iu.test(fileName) ? 'jsonl' : 'csv';
}

export const ACCEPTED_FILES = '.csv,.tsv,.txt,.jsonl,.ndjson,.json,.ftm,text/csv,application/json';
