import type { AppConfig } from '../config/config.schema.js';
import type { SecretBox } from './crypto/secret-box.js';

/** What start-up resolved before Nest runs: validated config, database, keys. */
export interface Runtime {
  config: AppConfig;
  databaseUrl: string;
  secretBox: SecretBox;
  version: string;
}

export const RUNTIME = Symbol('RUNTIME');
