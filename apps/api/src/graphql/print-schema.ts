import 'reflect-metadata';
import { readFile, writeFile } from 'node:fs/promises';
import { buildSchemaSdl } from './schema-sdl.js';

// Usage: print-schema.js FILE          writes the schema
//        print-schema.js FILE --check  exits 1 when FILE is stale
const [target, flag] = process.argv.slice(2);
if (!target) throw new Error('usage: print-schema FILE [--check]');
const sdl = await buildSchemaSdl();
if (flag === '--check') {
  const committed = await readFile(target, 'utf8').catch(() => '');
  if (committed !== sdl) {
    process.stderr.write(`${target} is stale: run \`npm run schema\` and commit the result.\n`);
    process.exit(1);
  }
  process.stdout.write(`${target} is up to date.\n`);
} else {
  await writeFile(target, sdl);
  process.stdout.write(`Wrote ${target}\n`);
}
