export { auditVerify } from './audit-verify.command.js';
export { createPlatformAdmin, MIN_PASSWORD_LENGTH } from './create-platform-admin.command.js';
export { dbMigrate } from './db-migrate.command.js';
