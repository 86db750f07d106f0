import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../config/load-config.js';
import { metricsSettings } from './metrics-parameters.js';

describe('metrics settings', () => {
  it('default to ε 1 per release, ε 12 a year, threshold 10, 3 organisations, rounding to 5', () => {
    expect(metricsSettings(loadConfig({}))).toEqual({
      epsilonMilli: 1000,
      capMilli: 12_000,
      threshold: 10,
      minOrganisations: 3,
      rounding: 5,
    });
  });

  it('read ε as a decimal, exactly', () => {
    const c = loadConfig({
      METRICS_EPSILON: '0.25',
      METRICS_EPSILON_CAP_PER_YEAR: '3.5',
      METRICS_ROUNDING: '10',
    });
    expect(metricsSettings(c)).toMatchObject({ epsilonMilli: 250, capMilli: 3500, rounding: 10 });
  });

  it('refuse a bad ε or threshold at start-up, naming the variable', () => {
    for (const [key, value] of [
      ['METRICS_EPSILON', '0'],
      ['METRICS_EPSILON', '-1'],
      ['METRICS_EPSILON', 'one'],
      ['METRICS_EPSILON', '0.0001'],
      ['METRICS_EPSILON_CAP_PER_YEAR', '1e3'],
      ['METRICS_THRESHOLD', '0'],
      ['METRICS_MIN_ORGANISATIONS', '1'],
      ['METRICS_ROUNDING', '2.5'],
    ] as const) {
      expect(() => loadConfig({ [key]: value }), `${key}=${value}`).toThrow(ConfigError);
      expect(() => loadConfig({ [key]: value })).toThrow(new RegExp(key));
    }
  });
});
