import type { NextFunction, Request, Response } from 'express';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config/load-config.js';
import { trustProxySetting } from './request-limits.js';
import { securityHeaders } from './security-headers.js';

function headersFor(env: Record<string, string>, secure = false): Record<string, string> {
  const set: Record<string, string> = {};
  const res = { setHeader: (k: string, v: string) => (set[k.toLowerCase()] = v) } as unknown as Response;
  securityHeaders(loadConfig(env))({ secure } as Request, res, (() => undefined) as NextFunction);
  return set;
}

describe('security headers', () => {
  it('send HSTS in production, behind an https PUBLIC_URL, and on https requests', () => {
    expect(headersFor({ NODE_ENV: 'production' })['strict-transport-security']).toMatch(/^max-age=63072000/);
    expect(headersFor({ PUBLIC_URL: 'https://hub.example.org' })['strict-transport-security']).toBeDefined();
    expect(headersFor({}, true)['strict-transport-security']).toBeDefined();
  });

  it('do not send HSTS on plain local http in development', () => {
    expect(headersFor({})['strict-transport-security']).toBeUndefined();
    expect(headersFor({ PUBLIC_URL: 'http://localhost:3000' })['strict-transport-security']).toBeUndefined();
  });

  it('keep the framing, referrer and content-type protections', () => {
    expect(headersFor({})).toMatchObject({ 'x-frame-options': 'DENY', 'referrer-policy': 'no-referrer', 'x-content-type-options': 'nosniff' });
  });
});

describe('TRUST_PROXY', () => {
  it('reads false, true, hop counts and address lists', () => {
    expect(trustProxySetting('false')).toBe(false);
    expect(trustProxySetting('true')).toBe(true);
    expect(trustProxySetting('2')).toBe(2);
    expect(trustProxySetting('loopback,uniquelocal')).toBe('loopback,uniquelocal');
  });
});
