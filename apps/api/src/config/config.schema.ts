import { parseEpsilonMilli } from '@parallax/domain';
import { z } from 'zod';

const port = z.coerce
  .number({ error: 'must be a number' })
  .int('must be a whole number')
  .min(1, 'must be between 1 and 65535')
  .max(65535, 'must be between 1 and 65535');

const bool = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', 'on', 'off'], {
    error: 'must be true or false',
  })
  .transform((v) => ['1', 'true', 'yes', 'on'].includes(v));

/** A privacy loss ε as a decimal string ("1", "0.25"); kept as text, read with `parseEpsilonMilli`. */
const epsilon = z.string().refine(
  (v) => {
    try {
      return parseEpsilonMilli(v) > 0;
    } catch {
      return false;
    }
  },
  { error: 'must be a positive decimal with at most 3 places, e.g. 1 or 0.5' },
);

/**
 * Every setting the hub reads from its environment. Each has a default that
 * is safe for a single machine; a bad value stops start-up with one line that
 * names the variable.
 */
export const configSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: port.default(3000),
  PUBLIC_URL: z.url({ error: 'must be an absolute URL' }).optional(),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  // The role the application's pool logs in as (not the owner, no superuser,
  // no BYPASSRLS); unset = `parallax_app`, made by DATABASE_URL's role if it may.
  DATABASE_APP_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  PARALLAX_DATA_DIR: z.string().min(1).default('./.data'),
  EMBEDDED_POSTGRES_PORT: port.default(54329),
  PARALLAX_MASTER_KEY: z.string().optional(),
  PARALLAX_MASTER_KEY_FILE: z.string().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  // `auto`: readable lines on a terminal, JSON (one object per line) otherwise.
  LOG_FORMAT: z.enum(['auto', 'pretty', 'json']).default('auto'),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).max(600_000).default(15_000),
  PARALLAX_DEMO: bool.default(false),
  SERVE_WEB: bool.default(true),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(30),
  SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).max(24 * 30).default(12),
  STEP_UP_MINUTES: z.coerce.number().int().min(1).max(60).default(5),
  INVITATION_TTL_HOURS: z.coerce.number().int().min(1).max(24 * 30).default(72),
  // How long a mutation's Idempotency-Key (and its stored answer) is kept for retries.
  IDEMPOTENCY_TTL_HOURS: z.coerce.number().int().min(1).max(24 * 7).default(24),
  TOTP_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  TOTP_LOCKOUT_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(15),
  // Failures against one account (from any source) per hour before its
  // sign-ins are slowed down by LOGIN_ACCOUNT_DELAY_MS; never a lock.
  LOGIN_ACCOUNT_SOFT_LIMIT: z.coerce.number().int().min(1).max(10_000).default(20),
  LOGIN_ACCOUNT_DELAY_MS: z.coerce.number().int().min(0).max(10_000).default(1_000),
  OPRF_BUDGET_BASE: z.coerce.number().int().min(0).default(5_000),
  OPRF_BUDGET_PER_CASE: z.coerce.number().int().min(0).default(60),
  OPRF_DAILY_CAP: z.coerce.number().int().min(1).default(2_000_000),
  OPRF_MAX_BATCH: z.coerce.number().int().min(1).max(100_000).default(20_000),
  // One account's share: a base, plus the per-case allowance for each case
  // with fingerprints that this user registered, capped.
  OPRF_USER_BUDGET_BASE: z.coerce.number().int().min(0).default(5_000),
  OPRF_USER_DAILY_CAP: z.coerce.number().int().min(1).default(200_000),
  // Coordinators are told (once a day per organisation) when an organisation's
  // evaluations exceed this base plus this many per case fingerprinted today.
  OPRF_ALERT_BASE: z.coerce.number().int().min(0).default(1_000),
  OPRF_ALERT_PER_CASE: z.coerce.number().int().min(1).default(40),
  OPRF_ALERT_ABSOLUTE: z.coerce.number().int().min(1).default(20_000),
  OPRF_WORKER_THREADS: z.coerce.number().int().min(1).max(64).default(1),
  JOBS_ENABLED: bool.default(true),
  /** Days without news on a referral before its recording organisation is reminded to record feedback (once per interval). */
  REFERRAL_REMINDER_DAYS: z.coerce.number().int().min(1).max(3_650).default(60),
  /** A JSON file replacing the built-in list of authorities referrals go to (same shape: id, name, kind, country). */
  REFERRAL_AUTHORITIES_FILE: z.string().min(1).optional(),
  /** Donor metrics: ε spent by one release (a decimal, up to 3 places: "1", "0.5"). */
  METRICS_EPSILON: epsilon.default('1'),
  /** Donor metrics: the most ε a working group's releases may spend in one calendar year. */
  METRICS_EPSILON_CAP_PER_YEAR: epsilon.default('12'),
  /** Donor metrics: cells whose true value is below this are suppressed. */
  METRICS_THRESHOLD: z.coerce.number().int().min(1).max(1_000).default(10),
  /** Donor metrics: cells fed by fewer organisations than this are suppressed. */
  METRICS_MIN_ORGANISATIONS: z.coerce.number().int().min(2).max(100).default(3),
  /** Donor metrics: published values are rounded to a multiple of this. */
  METRICS_ROUNDING: z.coerce.number().int().min(1).max(1_000).default(5),
  GRAPHQL_MAX_DEPTH: z.coerce.number().int().min(2).max(50).default(10),
  GRAPHQL_MAX_ALIASES: z.coerce.number().int().min(0).max(1_000).default(15),
  GRAPHQL_MAX_TOKENS: z.coerce.number().int().min(100).max(1_000_000).default(5_000),
  GRAPHQL_MAX_DIRECTIVES: z.coerce.number().int().min(0).max(1_000).default(20),
  GRAPHQL_MAX_COST: z.coerce.number().int().min(100).max(10_000_000).default(5_000),
  /** A sealed message copy (base64, up to 64 KiB: a 4,000-character text in any script to a large cluster) is the longest value. */
  GRAPHQL_MAX_STRING_LENGTH: z.coerce.number().int().min(100).max(10_000_000).default(90_000),
  /** Request bodies larger than this many bytes are refused before parsing (500 padded cases fit). */
  GRAPHQL_MAX_BODY_BYTES: z.coerce.number().int().min(10_000).max(100_000_000).default(8_000_000),
  GRAPHQL_INTROSPECTION: bool.default(false),
  /** Express's "trust proxy": false (use the socket address), a hop count, or an address list like "loopback". */
  TRUST_PROXY: z.string().min(1).default('false'),
});

export type AppConfig = z.infer<typeof configSchema>;
