/** The job queue's schema and queues, shared by the service and by start-up's installation. */
export const JOB_SCHEMA = 'pgboss';

export const MATCH_CASE_QUEUE = 'match-case';
/**
 * Match jobs fetched per poll: as many cases as matching takes in one
 * transaction. pg-boss polls every 0.5 s, so 50 per fetch capped the queue
 * at 100 cases/s, below the rate a bulk upload registers them.
 */
export const MATCH_JOBS_PER_FETCH = 250;

/**
 * Periodic sweeps: each queue gets a job every minute (pg-boss `schedule`),
 * whose worker calls the handler registered with `JobsService.onSweep`.
 * Add a sweep by naming its queue here and in `JOB_QUEUES` (policy
 * 'stately': at most one queued and one running, so missed minutes never pile up).
 */
export const ARRANGEMENT_DEADLINES_QUEUE = 'arrangement-deadlines';
export const REFERRAL_REMINDERS_QUEUE = 'referral-reminders';
export const METRICS_RELEASES_QUEUE = 'metrics-releases';
export const SWEEP_QUEUES = [
  ARRANGEMENT_DEADLINES_QUEUE,
  REFERRAL_REMINDERS_QUEUE,
  METRICS_RELEASES_QUEUE,
] as const;
export type SweepQueue = (typeof SWEEP_QUEUES)[number];

/**
 * Every queue, with its options. Start-up creates them with the database
 * owner's rights (pg-boss makes a table per queue), before the application
 * connects with its own role, which may not create tables.
 */
export const JOB_QUEUES = [
  { name: MATCH_CASE_QUEUE, retryLimit: 5, retryDelay: 2, retryBackoff: true },
  // A failed sweep is not retried: the next minute's sweep redoes it.
  { name: ARRANGEMENT_DEADLINES_QUEUE, policy: 'stately', retryLimit: 0 },
  { name: REFERRAL_REMINDERS_QUEUE, policy: 'stately', retryLimit: 0 },
  { name: METRICS_RELEASES_QUEUE, policy: 'stately', retryLimit: 0 },
] as const;
