export { startAppProcess, type AppProcess, type AppProcessOptions } from './app-process.js';
export { demoLogins, type DemoLogin } from './demo-logins.js';
export { freePort } from './free-port.js';
export { API_MAIN, REPO_ROOT, WEB_INDEX } from './paths.js';
export {
  startTestPostgres,
  withDatabase,
  type StartEmbeddedPostgres,
  type TestPostgres,
} from './test-postgres.js';
