import { ErrorCode, OVERLAP_STRENGTHS, type OverlapStrength } from '@parallax/domain';
import {
  MAX_OVERLAP_SEARCH,
  OVERLAP_STATUSES,
  VERDICT_FILTERS,
  type OverlapListArgs,
  type OverlapStatus,
  type VerdictFilter,
} from './dto/overlap-list.args.js';
import { OverlapsException } from './overlaps.exception.js';

/** The overlaps list's filters, checked and in one canonical form (it is also the cursor's scope). */
export interface OverlapListFilter {
  workingGroupId: string | null;
  caseId: string | null;
  includeRetracted: boolean;
  strengths: OverlapStrength[] | null;
  verdicts: VerdictFilter[] | null;
  statuses: OverlapStatus[] | null;
  createdFrom: string | null;
  createdTo: string | null;
  search: string | null;
}

export type OverlapFilterInput = Partial<Omit<OverlapListArgs, 'first' | 'after'>>;

function bad(field: string, message: string): OverlapsException {
  return new OverlapsException(ErrorCode.BadUserInput, message, { field });
}

/** A set in the vocabulary's order (so `[a, b]` and `[b, a]` share cursors); null when empty = no filter. */
function setOf<T extends string>(
  field: string,
  values: readonly string[] | null | undefined,
  vocabulary: readonly T[],
): T[] | null {
  if (!values || values.length === 0) return null;
  const unknown = values.find((v) => !(vocabulary as readonly string[]).includes(v));
  if (unknown !== undefined) throw bad(field, `${field}: unknown value`);
  return vocabulary.filter((v) => values.includes(v));
}

/** A calendar day that exists (2026-02-30 does not), or BAD_USER_INPUT. */
function dayOf(field: string, value: string | null | undefined): string | null {
  if (value === null || value === undefined || value === '') return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const d = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
  if (!d || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== value) {
    throw bad(field, `${field} is a day, YYYY-MM-DD`);
  }
  return value;
}

/**
 * Checks the filters the resolver's validation cannot (real days, an
 * ordered range, a search that can match) and gives them one canonical form.
 */
export function normaliseOverlapFilter(input: OverlapFilterInput): OverlapListFilter {
  const createdFrom = dayOf('createdFrom', input.createdFrom);
  const createdTo = dayOf('createdTo', input.createdTo);
  if (createdFrom && createdTo && createdFrom > createdTo) {
    throw bad('createdTo', 'createdTo comes before createdFrom');
  }
  const search = input.search?.trim() ?? '';
  if (search.length > MAX_OVERLAP_SEARCH) {
    throw bad('search', `Search at most ${MAX_OVERLAP_SEARCH} characters`);
  }
  return {
    workingGroupId: input.workingGroupId ?? null,
    caseId: input.caseId ?? null,
    includeRetracted: input.includeRetracted ?? false,
    strengths: setOf('strengths', input.strengths, OVERLAP_STRENGTHS),
    verdicts: setOf('verdicts', input.verdicts, VERDICT_FILTERS),
    statuses: setOf('statuses', input.statuses, OVERLAP_STATUSES),
    createdFrom,
    createdTo,
    search: search === '' ? null : search,
  };
}

/** `text` for `ILIKE '%' || $n || '%' ESCAPE '\'`: the user's % and _ are literal. */
export function likeLiteral(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
