/**
 * The authorities a cluster can be referred to. The hub ships this default
 * list; an operator replaces it with a JSON file (REFERRAL_AUTHORITIES_FILE)
 * of the same shape. Ids are stable: referrals store the id, and the name
 * shown is looked up again, so a renamed unit keeps its referrals.
 */
export const REFERRAL_AUTHORITY_KINDS = [
  'national_unit',
  'icc_otp',
  'un_mechanism',
  'eurojust',
  'other',
] as const;
export type ReferralAuthorityKind = (typeof REFERRAL_AUTHORITY_KINDS)[number];

export interface ReferralAuthority {
  id: string;
  name: string;
  kind: ReferralAuthorityKind;
  /** ISO 3166-1 alpha-2 code for a national unit, null otherwise. */
  country: string | null;
}

/** The authority outside the list: the referral then carries the name the party gave. */
export const OTHER_AUTHORITY_ID = 'other';

const national = (country: string, id: string, name: string): ReferralAuthority => ({
  id: `${country.toLowerCase()}-${id}`,
  name,
  kind: 'national_unit',
  country,
});

const un = (id: string, name: string): ReferralAuthority => ({
  id: `un-${id}`,
  name,
  kind: 'un_mechanism',
  country: null,
});

/** National war-crimes units (universal jurisdiction), the ICC, UN mechanisms and Eurojust. */
export const DEFAULT_REFERRAL_AUTHORITIES: readonly ReferralAuthority[] = [
  national(
    'AT',
    'bk-war-crimes',
    'Austria — Federal Criminal Police Office, war crimes investigations',
  ),
  national(
    'BE',
    'federal-prosecutor',
    'Belgium — Federal Prosecutor’s Office, international humanitarian law',
  ),
  national(
    'CA',
    'rcmp-war-crimes',
    'Canada — RCMP, Crimes Against Humanity and War Crimes Program',
  ),
  national(
    'CH',
    'oag-international-crimes',
    'Switzerland — Office of the Attorney General, international crimes',
  ),
  national(
    'DE',
    'bka-zbkv',
    'Germany — Federal Criminal Police Office, Central Unit for War Crimes (ZBKV)',
  ),
  national('DK', 'nsk', 'Denmark — National Special Crime Unit (NSK)'),
  national(
    'ES',
    'audiencia-nacional',
    'Spain — National Court (Audiencia Nacional) Prosecutor’s Office',
  ),
  national('FI', 'nbi', 'Finland — National Bureau of Investigation, war crimes investigations'),
  national(
    'FR',
    'oclch',
    'France — Central Office against Crimes against Humanity and War Crimes (OCLCH)',
  ),
  national('GB', 'met-war-crimes', 'United Kingdom — Metropolitan Police, War Crimes Team (SO15)'),
  national('NL', 'tim', 'Netherlands — National Police, International Crimes Team (TIM)'),
  national(
    'NO',
    'kripos',
    'Norway — National Criminal Investigation Service (Kripos), international crimes',
  ),
  national('SE', 'war-crimes-unit', 'Sweden — Police Authority, War Crimes Unit'),
  national(
    'UA',
    'opg-war-crimes',
    'Ukraine — Office of the Prosecutor General, War Crimes Department',
  ),
  national(
    'US',
    'doj-hrsp',
    'United States — Department of Justice, Human Rights and Special Prosecutions Section (HRSP)',
  ),
  {
    id: 'icc-otp',
    name: 'International Criminal Court — Office of the Prosecutor',
    kind: 'icc_otp',
    country: null,
  },
  un('iiim-syria', 'UN International, Impartial and Independent Mechanism for Syria (IIIM)'),
  un('iimm-myanmar', 'UN Independent Investigative Mechanism for Myanmar (IIMM)'),
  un('irmct', 'UN International Residual Mechanism for Criminal Tribunals (IRMCT)'),
  un(
    'unitad-residual',
    'UN accountability for Da’esh/ISIL crimes in Iraq (UNITAD residual functions)',
  ),
  un(
    'ohchr-commissions',
    'UN Human Rights Council commissions of inquiry and fact-finding missions (OHCHR)',
  ),
  {
    id: 'eurojust-genocide-network',
    name: 'Eurojust — Genocide Network (European Network for investigation and prosecution of core international crimes)',
    kind: 'eurojust',
    country: null,
  },
];

const ID = /^[a-z0-9][a-z0-9-]{0,79}$/;

/**
 * Why a list of authorities (the default or an operator's file) is not
 * usable, or null: ids well formed and unique, 'other' not among them (it is
 * always offered), names present, kinds known, countries two capitals.
 */
export function referralAuthoritiesProblem(list: unknown): string | null {
  if (!Array.isArray(list) || list.length === 0)
    return 'A non-empty array of authorities is expected';
  const seen = new Set<string>();
  for (const [i, a] of (list as unknown[]).entries()) {
    if (typeof a !== 'object' || a === null) return `Entry ${i} is not an object`;
    const { id, name, kind, country } = a as Record<string, unknown>;
    if (typeof id !== 'string' || !ID.test(id))
      return `Entry ${i}: id must be lower-case letters, digits and dashes`;
    if (id === OTHER_AUTHORITY_ID) return `Entry ${i}: 'other' is always offered, do not list it`;
    if (seen.has(id)) return `Entry ${i}: id ${id} appears twice`;
    seen.add(id);
    if (typeof name !== 'string' || name.trim().length === 0 || name.length > 200)
      return `Entry ${i}: name must be 1 to 200 characters`;
    if (!(REFERRAL_AUTHORITY_KINDS as readonly unknown[]).includes(kind) || kind === 'other')
      return `Entry ${i}: kind must be one of national_unit, icc_otp, un_mechanism, eurojust`;
    if (
      country !== null &&
      country !== undefined &&
      (typeof country !== 'string' || !/^[A-Z]{2}$/.test(country))
    )
      return `Entry ${i}: country must be an ISO 3166-1 alpha-2 code or null`;
  }
  return null;
}
