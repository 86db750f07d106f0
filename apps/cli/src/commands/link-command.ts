import type { Command } from 'commander';
import {
  createLocalEvaluator,
  fingerprintPersons,
  generateGroupKey,
  generateOprfKey,
  type FtmPerson,
  type RecordFingerprints,
} from '@parallax/fingerprint';
import { ALERT_THRESHOLD, matchRecords, type CandidatePair } from '@parallax/matching';
import { parseUnitInterval, readPersonsReported } from './person-input.js';

export interface LinkOptions {
  readonly threshold?: number;
  readonly defaultPhoneCountry?: string;
}

/** One output line of `parallax link`. */
export interface LinkResult {
  readonly left: string;
  readonly right: string;
  readonly score: number;
  readonly strength: CandidatePair['strength'];
  readonly matched: string[];
}

/**
 * Links two sets of persons as two organisations of one working group:
 * fingerprints both under throw-away keys (local OPRF evaluator, random group
 * key, discarded afterwards) and returns the cross-set pairs at or above the
 * threshold — exactly what the hub would alert on.
 */
export async function linkPersons(
  left: readonly FtmPerson[],
  right: readonly FtmPerson[],
  options: LinkOptions = {},
): Promise<LinkResult[]> {
  const oprfKey = generateOprfKey();
  const groupKey = generateGroupKey();
  const fps = await fingerprintPersons([...left, ...right], {
    groupKey,
    evaluator: createLocalEvaluator(oprfKey),
    ...(options.defaultPhoneCountry ? { defaultPhoneCountry: options.defaultPhoneCountry } : {}),
  });
  oprfKey.fill(0);
  groupKey.fill(0);
  const records = fps.map((r: RecordFingerprints, i) => ({
    recordId: r.id,
    orgId: i < left.length ? 'left' : 'right',
    fingerprints: r.fingerprints,
  }));
  return matchRecords(records, { threshold: options.threshold ?? ALERT_THRESHOLD }).map((p) => ({
    left: p.left,
    right: p.right,
    score: Math.round(p.score * 1000) / 1000,
    strength: p.strength,
    matched: p.matched,
  }));
}

/** `parallax link LEFT RIGHT [--threshold X]`. */
export function registerLinkCommand(program: Command): void {
  program
    .command('link')
    .description(
      'Link two FollowTheMoney JSON Lines (or CSV) files offline with throw-away keys; print every cross-file ' +
        'pair at or above the alert threshold as JSON Lines {left, right, score, strength, matched}.',
    )
    .argument('<left>', 'persons of the first organisation (.jsonl or .csv)')
    .argument('<right>', 'persons of the second organisation (.jsonl or .csv)')
    .option('--threshold <score>', `report pairs with score ≥ this (default ${ALERT_THRESHOLD})`)
    .option(
      '--default-phone-country <CC>',
      'ISO country for phone numbers without an international prefix',
    )
    .action(
      async (
        leftPath: string,
        rightPath: string,
        opts: { threshold?: string; defaultPhoneCountry?: string },
      ) => {
        const threshold =
          opts.threshold === undefined
            ? ALERT_THRESHOLD
            : parseUnitInterval(opts.threshold, '--threshold');
        // One after the other, so what each file's skipped rows are is not interleaved.
        const left = await readPersonsReported(leftPath, undefined);
        const right = await readPersonsReported(rightPath, undefined);
        const results = await linkPersons(left.persons, right.persons, {
          threshold,
          ...(opts.defaultPhoneCountry ? { defaultPhoneCountry: opts.defaultPhoneCountry } : {}),
        });
        const out = results.map((r) => JSON.stringify(r)).join('\n');
        if (out.length > 0) process.stdout.write(`${out}\n`);
      },
    );
}
