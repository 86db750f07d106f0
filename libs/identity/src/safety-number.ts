import { sha512 } from '@noble/hashes/sha2.js';
import { concatBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import type { KeyBundle } from './key-bundle.js';

/**
 * Safety numbers, as Signal does them: two people read (or scan) the same
 * 30 digits on their two devices; if they match, each device holds the
 * other's real keys, and not keys the hub put in between.
 *
 * Each party's half (15 digits) is SHA-512 iterated 5,200 times over a
 * label, the user id and both public keys; the two halves are ordered by
 * user id so both devices show the same string. A hub that wants to pass
 * its own keys off as someone's must find keys whose 15 digits match:
 * about 10^15 tries of 5,200 SHA-512 each, per attempt to fool one check.
 */
const LABEL = utf8ToBytes('parallax/v1/safety-number');
const ITERATIONS = 5200;
const GROUPS_PER_PARTY = 3;
const DIGITS_PER_GROUP = 5;

function lengthPrefixed(bytes: Uint8Array): Uint8Array {
  return concatBytes(Uint8Array.of(bytes.length >>> 8, bytes.length & 0xff), bytes);
}

function partyGroups(party: KeyBundle): string[] {
  const keys = concatBytes(party.encryptionPublicKey, party.signingPublicKey);
  let hash = sha512(concatBytes(LABEL, lengthPrefixed(utf8ToBytes(party.userId)), keys));
  for (let i = 1; i < ITERATIONS; i++) hash = sha512.create().update(hash).update(keys).digest();
  const groups: string[] = [];
  for (let g = 0; g < GROUPS_PER_PARTY; g++) {
    // 5 bytes (40 bits) per group, reduced mod 10^5, as Signal does.
    let value = 0;
    for (let i = 0; i < 5; i++) value = value * 256 + (hash[g * 5 + i] ?? 0);
    groups.push(String(value % 10 ** DIGITS_PER_GROUP).padStart(DIGITS_PER_GROUP, '0'));
  }
  return groups;
}

function ordered(a: KeyBundle, b: KeyBundle): [KeyBundle, KeyBundle] {
  return a.userId <= b.userId ? [a, b] : [b, a];
}

/** 30 digits in 6 groups of 5 separated by spaces; the same whichever side computes it. */
export function safetyNumber(a: KeyBundle, b: KeyBundle): string {
  const [first, second] = ordered(a, b);
  return [...partyGroups(first), ...partyGroups(second)].join(' ');
}

const QR_PREFIX = 'parallax-sn:1:';

/** The text of the QR code shown beside the digits. */
export function safetyNumberQr(a: KeyBundle, b: KeyBundle): string {
  return `${QR_PREFIX}${safetyNumber(a, b).replaceAll(' ', '')}`;
}

/** Whether a scanned QR text is this pair's safety number (anything else, e.g. another app's QR, is false). */
export function matchesSafetyNumberQr(scanned: string, a: KeyBundle, b: KeyBundle): boolean {
  return scanned.trim() === safetyNumberQr(a, b);
}
