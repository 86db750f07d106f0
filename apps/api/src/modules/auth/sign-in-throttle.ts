import { createHmac } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { RateLimiterPostgres, type RateLimiterRes } from 'rate-limiter-flexible';
import { DataSource } from 'typeorm';
import { RUNTIME, type Runtime } from '../../common/runtime.js';

const DAY_SECONDS = 24 * 60 * 60;
const HOUR_SECONDS = 60 * 60;

/** What the sign-in may do now: go ahead (maybe after a pause), or come back later. */
export type ThrottleVerdict = { allowed: true; delayMs: number } | { allowed: false; retryAfterSeconds: number };

/**
 * Sign-in throttling without an account lock an outsider could trigger.
 *
 * - Per source (client address): TOTP_MAX_FAILURES failures within an hour
 *   pause that source for TOTP_LOCKOUT_MINUTES, doubling with each pause the
 *   source earns within a day (up to a day). Every sign-in from a paused
 *   source is refused, right or wrong, without looking at the account.
 * - Per account (soft): beyond LOGIN_ACCOUNT_SOFT_LIMIT failures within an
 *   hour, from any sources, each sign-in to that account waits
 *   LOGIN_ACCOUNT_DELAY_MS first. The account is never locked: its owner,
 *   from a source that is not paused, still gets in.
 *
 * Counters live in PostgreSQL (rate-limiter-flexible, table
 * `login_throttle`), so every replica enforces the same limits. Keys are
 * HMACs under a key derived from the master key: the table holds neither
 * addresses nor e-mails.
 */
@Injectable()
export class SignInThrottle {
  private limiters: { sourceFailures: RateLimiterPostgres; sourcePauses: RateLimiterPostgres; accountFailures: RateLimiterPostgres } | null = null;
  private readonly keyKey: Buffer;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(RUNTIME) private readonly runtime: Runtime,
  ) {
    this.keyKey = runtime.secretBox.deriveKey('parallax/v1/sign-in-throttle');
  }

  private get store() {
    if (!this.limiters) {
      const { TOTP_MAX_FAILURES, LOGIN_ACCOUNT_SOFT_LIMIT } = this.runtime.config;
      // The TypeORM data source's own pg pool: no second set of connections.
      const pool = (this.dataSource.driver as unknown as { master: unknown }).master;
      const common = { storeClient: pool, storeType: 'pool', tableName: 'login_throttle', tableCreated: true };
      this.limiters = {
        sourceFailures: new RateLimiterPostgres({ ...common, keyPrefix: 'src', points: TOTP_MAX_FAILURES, duration: HOUR_SECONDS }),
        sourcePauses: new RateLimiterPostgres({ ...common, keyPrefix: 'pause', points: 1_000, duration: DAY_SECONDS }),
        accountFailures: new RateLimiterPostgres({ ...common, keyPrefix: 'acct', points: LOGIN_ACCOUNT_SOFT_LIMIT, duration: HOUR_SECONDS }),
      };
    }
    return this.limiters;
  }

  private key(kind: string, value: string): string {
    return createHmac('sha256', this.keyKey).update(`${kind}\0${value}`).digest('base64url');
  }

  /** Before any credential is checked. `account` is the normalised e-mail, known account or not. */
  async check(source: string, account: string): Promise<ThrottleVerdict> {
    const { sourceFailures, accountFailures } = this.store;
    const [src, acct] = await Promise.all([
      sourceFailures.get(this.key('source', source)),
      accountFailures.get(this.key('account', account)),
    ]);
    if (src && src.consumedPoints > sourceFailures.points && src.msBeforeNext > 0) {
      return { allowed: false, retryAfterSeconds: Math.ceil(src.msBeforeNext / 1000) };
    }
    const slowed = acct !== null && acct.consumedPoints >= accountFailures.points;
    return { allowed: true, delayMs: slowed ? this.runtime.config.LOGIN_ACCOUNT_DELAY_MS : 0 };
  }

  /** After a failed sign-in. Returns the pause the source just earned, if it did. */
  async recordFailure(source: string, account: string): Promise<{ retryAfterSeconds: number } | null> {
    const { sourceFailures, sourcePauses, accountFailures } = this.store;
    const sourceKey = this.key('source', source);
    const [src] = await Promise.all([
      sourceFailures.penalty(sourceKey, 1) as Promise<RateLimiterRes>,
      accountFailures.penalty(this.key('account', account), 1),
    ]);
    if (src.consumedPoints < sourceFailures.points) return null;
    const pauses = (await sourcePauses.penalty(sourceKey, 1)).consumedPoints;
    const seconds = Math.min(
      DAY_SECONDS,
      this.runtime.config.TOTP_LOCKOUT_MINUTES * 60 * 2 ** Math.min(pauses - 1, 16),
    );
    await sourceFailures.block(sourceKey, seconds);
    return { retryAfterSeconds: seconds };
  }
}
