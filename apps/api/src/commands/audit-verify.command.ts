import { DataSource } from 'typeorm';
import { AuditService } from '../modules/audit/audit.service.js';
import { withCommandContext } from './command-context.js';

/** `parallax audit verify`: recomputes the chain; exit 1 names the first bad entry. */
export async function auditVerify(): Promise<number> {
  return withCommandContext(async (app) => {
    const verdict = await app.get(AuditService).verify(app.get(DataSource));
    if (verdict.ok) {
      process.stdout.write(`Audit chain intact: ${verdict.entries} entries verified.\n`);
      return 0;
    }
    process.stdout.write(
      `Audit chain BROKEN at entry ${verdict.firstBadSeq}: ${verdict.reason} (${verdict.entries} entries before it verified).\n`,
    );
    return 1;
  });
}
