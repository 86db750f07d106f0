import type { DataSource } from 'typeorm';
import type { TestApp } from './test-app.js';
import type { World } from './world.js';

/**
 * What an entry spec file shares with its suite modules (`<area>/*.suite.ts`):
 * one app and one world, built once for the file, and the hub's database.
 * Suites take it as a function and read it in their hooks and tests: the
 * world exists only once the entry's `beforeAll` has run.
 */
export interface SuiteContext {
  t: TestApp;
  w: World;
  db: DataSource;
}
