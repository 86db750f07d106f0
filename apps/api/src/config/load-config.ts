import { configSchema, type AppConfig } from './config.schema.js';

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** Blank values count as unset, so `PORT=` falls back to the default. */
function withoutBlanks(env: NodeJS.ProcessEnv): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(env)) if (v !== undefined && v.trim() !== '') out[k] = v.trim();
  return out;
}

/**
 * Parses and validates the environment. Throws a ConfigError whose message is
 * one line naming every bad variable, e.g.
 * `Invalid configuration: PORT must be a number (got "abc")`.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const source = withoutBlanks(env);
  const parsed = configSchema.safeParse(source);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => {
    const key = String(issue.path[0] ?? '?');
    const got = source[key];
    const shown = key === 'DATABASE_URL' || key === 'DATABASE_APP_URL' || got === undefined ? '' : ` (got ${JSON.stringify(got)})`;
    return `${key} ${issue.message}${shown}`;
  });
  throw new ConfigError(`Invalid configuration: ${problems.join('; ')}`);
}
