import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './load-config.js';

describe('loadConfig', () => {
  it('gives safe single-machine defaults', () => {
    const c = loadConfig({});
    expect(c.PORT).toBe(3000);
    expect(c.HOST).toBe('127.0.0.1');
    expect(c.DATABASE_URL).toBeUndefined();
    expect(c.PARALLAX_DATA_DIR).toBe('./.data');
    expect(c.PARALLAX_DEMO).toBe(false);
  });

  it('rejects a non-numeric port with one line naming the variable and the value', () => {
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(ConfigError);
    try {
      loadConfig({ PORT: 'abc' });
    } catch (e) {
      const msg = (e as Error).message;
      expect(msg).toMatch(/^Invalid configuration: PORT .*"abc"/);
      expect(msg).not.toContain('\n');
    }
  });

  it('lists every bad variable at once and never echoes a database URL', () => {
    const msg = (() => {
      try {
        loadConfig({ PORT: '70000', DATABASE_URL: 'mysql://secret@x/db', PARALLAX_DEMO: 'maybe' });
        return '';
      } catch (e) {
        return (e as Error).message;
      }
    })();
    expect(msg).toContain('PORT');
    expect(msg).toContain('DATABASE_URL');
    expect(msg).toContain('PARALLAX_DEMO');
    expect(msg).not.toContain('secret');
  });

  it('treats blank values as unset and parses booleans', () => {
    const c = loadConfig({ PORT: ' ', PARALLAX_DEMO: 'yes', DATABASE_URL: 'postgres://u:p@h:5432/d' });
    expect(c.PORT).toBe(3000);
    expect(c.PARALLAX_DEMO).toBe(true);
    expect(c.DATABASE_URL).toBe('postgres://u:p@h:5432/d');
  });
});
