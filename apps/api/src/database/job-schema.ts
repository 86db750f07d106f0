import PgBoss from 'pg-boss';
import { JOB_QUEUES, JOB_SCHEMA } from '../modules/jobs/job-queues.js';

/** pg-boss 10's internal queue name (`timekeeper.js`). */
const PG_BOSS_SEND_IT_QUEUE = '__pgboss__send-it';

/**
 * Installs or upgrades pg-boss's schema and creates the queues, as the owner:
 * pg-boss makes tables as it goes (one per queue), which the application's
 * role may not. The application's pg-boss then finds everything in place
 * and only reads and writes jobs.
 */
export async function installJobSchema(ownerUrl: string): Promise<void> {
  const boss = new PgBoss({
    connectionString: ownerUrl,
    schema: JOB_SCHEMA,
    max: 1,
    application_name: 'parallax-migrate',
    supervise: false,
    schedule: false,
  });
  let failure: Error | undefined;
  boss.on('error', (e: Error) => {
    failure ??= e;
  });
  await boss.start();
  try {
    for (const queue of JOB_QUEUES) await boss.createQueue(queue.name, { ...queue });
    // pg-boss's own queue for scheduled sends, which its timekeeper creates
    // on start (and would fail to, silently, as the application's role).
    await boss.createQueue(PG_BOSS_SEND_IT_QUEUE);
  } finally {
    await boss.stop({ graceful: false, wait: true });
  }
  if (failure) throw failure;
}

/** What the tenant role (and so the application's role) may do with the job queue: use it, not change it. */
export const JOB_SCHEMA_GRANTS = [
  `GRANT USAGE ON SCHEMA ${JOB_SCHEMA} TO parallax_tenant`,
  `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${JOB_SCHEMA} TO parallax_tenant`,
  `GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA ${JOB_SCHEMA} TO parallax_tenant`,
  `GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA ${JOB_SCHEMA} TO parallax_tenant`,
];
