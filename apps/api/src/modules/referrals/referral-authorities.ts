import { readFileSync } from 'node:fs';
import { Inject, Injectable } from '@nestjs/common';
import {
  DEFAULT_REFERRAL_AUTHORITIES,
  OTHER_AUTHORITY_ID,
  referralAuthoritiesProblem,
  type ReferralAuthority,
} from '@parallax/domain';
import { RUNTIME, type Runtime } from '../../common/runtime.js';

/** What the list offers at the end, always: an authority outside it, named by the party. */
const OTHER: ReferralAuthority = {
  id: OTHER_AUTHORITY_ID,
  name: 'Other',
  kind: 'other',
  country: null,
};

/**
 * The authorities referrals may go to: the built-in list, or the operator's
 * JSON file (REFERRAL_AUTHORITIES_FILE), read and checked once at start-up so
 * that a malformed file stops the hub instead of refusing referrals later.
 */
@Injectable()
export class ReferralAuthorities {
  private readonly list: readonly ReferralAuthority[];
  private readonly byId: ReadonlyMap<string, ReferralAuthority>;

  constructor(@Inject(RUNTIME) runtime: Runtime) {
    this.list = [...loadAuthorities(runtime.config.REFERRAL_AUTHORITIES_FILE), OTHER];
    this.byId = new Map(this.list.map((a) => [a.id, a]));
  }

  all(): readonly ReferralAuthority[] {
    return this.list;
  }

  /** The name to show for a stored referral: the list's, or the one given for 'other'. */
  nameOf(id: string, givenName: string | null): string {
    if (id === OTHER_AUTHORITY_ID) return givenName ?? OTHER.name;
    // An authority dropped from the list since keeps its id as its name.
    return this.byId.get(id)?.name ?? givenName ?? id;
  }

  isListed(id: string): boolean {
    return id !== OTHER_AUTHORITY_ID && this.byId.has(id);
  }
}

function loadAuthorities(file: string | undefined): readonly ReferralAuthority[] {
  if (!file) return DEFAULT_REFERRAL_AUTHORITIES;
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new Error(
      `REFERRAL_AUTHORITIES_FILE: cannot read ${file} as JSON (${(e as Error).message})`,
    );
  }
  const problem = referralAuthoritiesProblem(parsed);
  if (problem) throw new Error(`REFERRAL_AUTHORITIES_FILE: ${problem}`);
  return (parsed as ReferralAuthority[]).map((a) => ({
    id: a.id,
    name: a.name,
    kind: a.kind,
    country: a.country ?? null,
  }));
}
