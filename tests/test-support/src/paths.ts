import { fileURLToPath } from 'node:url';

/** The repository root, with a trailing slash (same depth from src/ and dist/). */
export const REPO_ROOT = fileURLToPath(new URL('../../..', import.meta.url));
/** The built server, as `npm start` runs it. */
export const API_MAIN = `${REPO_ROOT}apps/api/dist/main.js`;
/** The built web client the server serves. */
export const WEB_INDEX = `${REPO_ROOT}apps/web/dist/index.html`;
