#!/usr/bin/env node
// Entry for `npx parallax`. The CLI is TypeScript compiled by `tsc -b`; a
// fresh clone has no build yet, so build incrementally first (a no-op that
// takes about a second when nothing changed) unless told the build is fresh.
import { spawnSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../../..');

if (process.env.PARALLAX_SKIP_BUILD !== '1') {
  const tsc = resolve(root, 'node_modules/typescript/bin/tsc');
  const built = spawnSync(process.execPath, [tsc, '-b', resolve(here, '../tsconfig.app.json')], {
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (built.status !== 0) {
    console.error('parallax: building the CLI failed (see the TypeScript errors above).');
    process.exit(built.status ?? 1);
  }
}

const load = (path) => import(pathToFileURL(resolve(here, path)).href);
const { main } = await load('../dist/main.js');
// Database commands live in the hub's build (built above through the CLI's
// project references) and are loaded only when one of them runs.
process.exitCode = await main(process.argv.slice(2), {
  loadServerCommands: () => load('../../api/dist/commands/index.js'),
});
