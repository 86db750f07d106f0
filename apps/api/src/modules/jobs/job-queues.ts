/** The job queue's schema and queues, shared by the service and by start-up's installation. */
export const JOB_SCHEMA = 'pgboss';

export const MATCH_CASE_QUEUE = 'match-case';

/**
 * Every queue, with its options. Start-up creates them with the database
 * owner's rights (pg-boss makes a table per queue), before the application
 * connects with its own role, which may not create tables.
 */
export const JOB_QUEUES = [
  { name: MATCH_CASE_QUEUE, retryLimit: 5, retryDelay: 2, retryBackoff: true },
] as const;
