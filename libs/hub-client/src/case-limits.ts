/**
 * A case describes one person (docs/probe-resistance.md). Two client-side
 * rules make it so before anything reaches the hub:
 *
 * - a person has at most MAX_NAMES_PER_CASE names (name, aliases, previous
 *   names, composed name parts) and MAX_NAME_READINGS_PER_CASE readings of
 *   them: a record with more is refused, not truncated, so a list of
 *   candidate names cannot be fingerprinted as one case;
 * - each kind's fingerprints are padded with random dummies up to a size
 *   class (4, 8, 16…), so the hub learns only a coarse count per kind (not
 *   how many name tokens, dates or documents the person has). A dummy is 32
 *   bytes from the platform CSPRNG, base64url like a real fingerprint: an
 *   HMAC-SHA256 output is indistinguishable from random bytes without
 *   K_group. Dummies never match (2^-256), and scoring uses only the
 *   matched fingerprints and which kinds each case holds, which padding
 *   does not change (an absent kind stays absent).
 *
 * The hub refuses unpadded sets and oversized ones (same codes), so a client
 * that skips this gains nothing.
 */
import { randomBytes } from '@noble/hashes/utils.js';
import {
  ALWAYS_PRESENT_NAME_KINDS,
  countFingerprintsByKind,
  ErrorCode,
  fingerprintSizeClass,
  MAX_FINGERPRINTS_PER_CASE,
  MAX_NAME_READINGS_PER_CASE,
  MAX_NAMES_PER_CASE,
  maxFingerprintsOfKind,
} from '@parallax/domain';
import {
  personNames,
  toBase64Url,
  tokenizeName,
  type Fingerprint,
  type FtmPerson,
} from '@parallax/fingerprint';
import { HubError } from './request.js';

/**
 * A record or case exceeds what one person yields. A HubError with the
 * hub's own code for the same refusal, so web and CLI show it as they show
 * the hub's (translated by code), though nothing was sent.
 */
export class CaseLimitError extends HubError {
  constructor(
    code: typeof ErrorCode.CaseTooManyNames | typeof ErrorCode.CaseTooManyFingerprints,
    message: string,
  ) {
    super(code, message);
    this.name = 'CaseLimitError';
  }
}

/** Names and readings of a person, as key extraction counts them. */
export function nameVariantCounts(person: FtmPerson): { names: number; readings: number } {
  const names = personNames(person);
  return { names: names.length, readings: names.reduce((n, s) => n + tokenizeName(s).length, 0) };
}

/** Why the person cannot be one case (too many names or readings), or null. */
export function nameLimitProblem(person: FtmPerson): string | null {
  const { names, readings } = nameVariantCounts(person);
  if (names > MAX_NAMES_PER_CASE)
    return `${names} names (at most ${MAX_NAMES_PER_CASE} names, aliases and previous names per person)`;
  if (readings > MAX_NAME_READINGS_PER_CASE)
    return `${readings} name readings (at most ${MAX_NAME_READINGS_PER_CASE} per person)`;
  return null;
}

/** Throws {@link CaseLimitError} (CASE_TOO_MANY_NAMES) when the person has more names than one case may hold. */
export function assertNameLimits(person: FtmPerson): void {
  const problem = nameLimitProblem(person);
  if (problem !== null)
    throw new CaseLimitError(
      ErrorCode.CaseTooManyNames,
      `A case describes one person: this record has ${problem}`,
    );
}

/**
 * Real fingerprints counted by kind, with every always-present name kind
 * (ALWAYS_PRESENT_NAME_KINDS) at zero or more when the case has any name
 * kind: padding then brings those to the first size class with dummies, so
 * their presence tells the hub nothing about how the names are built.
 */
function countsToPad(fingerprints: readonly Fingerprint[]): Map<string, number> {
  const counts = countFingerprintsByKind(fingerprints);
  if ([...counts.keys()].some((k) => k.startsWith('name.'))) {
    for (const kind of ALWAYS_PRESENT_NAME_KINDS) if (!counts.has(kind)) counts.set(kind, 0);
  }
  return counts;
}

/** Whether the fingerprints, once padded, would exceed what one case may carry. */
export function exceedsCaseLimits(fingerprints: readonly Fingerprint[]): boolean {
  let total = 0;
  for (const [kind, n] of countsToPad(fingerprints)) {
    const size = fingerprintSizeClass(n);
    if (size === null || size > maxFingerprintsOfKind(kind)) return true;
    total += size;
  }
  return total > MAX_FINGERPRINTS_PER_CASE;
}

/** 32 bytes from the platform CSPRNG, encoded as a fingerprint is. */
export function dummyFingerprint(random: (n: number) => Uint8Array = randomBytes): string {
  return toBase64Url(random(32));
}

/**
 * The fingerprints with each kind padded to its size class with random
 * dummies, in a random order (so position tells nothing either). Throws
 * {@link CaseLimitError} (CASE_TOO_MANY_FINGERPRINTS) when a kind, or the
 * whole set, exceeds what the hub accepts. Real fingerprints are assumed
 * distinct (fingerprintPersons and the chunk fingerprinters deduplicate).
 */
export function padFingerprints(
  fingerprints: readonly Fingerprint[],
  random: (n: number) => Uint8Array = randomBytes,
): Fingerprint[] {
  const out: Fingerprint[] = fingerprints.map((f) => ({ kind: f.kind, fp: f.fp }));
  let total = 0;
  for (const [kind, n] of countsToPad(fingerprints)) {
    const size = fingerprintSizeClass(n);
    if (size === null || size > maxFingerprintsOfKind(kind))
      throw new CaseLimitError(
        ErrorCode.CaseTooManyFingerprints,
        `A case describes one person: ${n} fingerprints of kind ${kind} (at most ${maxFingerprintsOfKind(kind)})`,
      );
    total += size;
    for (let i = n; i < size; i++) out.push({ kind, fp: dummyFingerprint(random) });
  }
  if (total > MAX_FINGERPRINTS_PER_CASE)
    throw new CaseLimitError(
      ErrorCode.CaseTooManyFingerprints,
      `A case describes one person: ${total} fingerprints once padded (at most ${MAX_FINGERPRINTS_PER_CASE})`,
    );
  // Fisher–Yates with CSPRNG bytes (rejection sampling keeps it unbiased).
  for (let i = out.length - 1; i > 0; i--) {
    const j = uniformBelow(i + 1, random);
    [out[i], out[j]] = [out[j] as Fingerprint, out[i] as Fingerprint];
  }
  return out;
}

function uniformBelow(n: number, random: (n: number) => Uint8Array): number {
  const limit = Math.floor(0x1_0000_0000 / n) * n;
  for (;;) {
    const b = random(4);
    const v =
      (((b[0] as number) << 24) |
        ((b[1] as number) << 16) |
        ((b[2] as number) << 8) |
        (b[3] as number)) >>>
      0;
    if (v < limit) return v % n;
  }
}
