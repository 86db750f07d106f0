import { TOTP, URI } from 'otpauth';
import { describe, expect, it } from 'vitest';
import {
  demoLoginsHtml,
  demoLoginsText,
  demoSummary,
  otpauthUri,
  parseDemoLogins,
  type DemoLogin,
} from './demo-summary.js';

const logins: DemoLogin[] = [
  {
    email: 'coordinator@demo.parallax.test',
    password: 'demo-abc',
    totpSecret: 'GD432ABGB2AY4LAQE3K2I5VE5K3PTJQC',
    label: 'Secretariat, org_admin, coordinator',
  },
  {
    email: 'donor@fund.demo.parallax.test',
    password: 'demo-def',
    totpSecret: 'Y633YGEPRGZJO2TBINZDRFRXXSTDOTFM',
    label: 'Fund, viewer',
  },
];
const files = { text: '/data/demo-logins.txt', html: '/data/demo-logins.html' };

describe('demo summary', () => {
  it('gives each login an otpauth URI an authenticator accepts (same codes as the secret)', () => {
    const uri = otpauthUri(logins[0] as DemoLogin);
    expect(uri).toMatch(/^otpauth:\/\/totp\/Parallax:coordinator%40demo\.parallax\.test\?/);
    const parsed = URI.parse(uri) as TOTP;
    const direct = new TOTP({ secret: 'GD432ABGB2AY4LAQE3K2I5VE5K3PTJQC' });
    expect(parsed.generate({ timestamp: 1_000_000 })).toBe(
      direct.generate({ timestamp: 1_000_000 }),
    );
  });

  it('ends with the next steps: codes, the group key first, then investigators', () => {
    const text = demoSummary(logins, 'http://localhost:3000', files);
    const lines = text.trimEnd().split('\n');
    expect(text).toContain('Open http://localhost:3000');
    expect(text.indexOf('Next steps')).toBeGreaterThan(
      text.indexOf('donor@fund.demo.parallax.test'),
    );
    expect(text).toContain(files.html);
    expect(text).toMatch(/create the group key/);
    expect(lines.at(-1)).toMatch(/^─+$/);
    for (const l of logins) expect(text).toContain(otpauthUri(l));
  });

  it('keeps the logins file readable by the next start and by scripts', () => {
    expect(parseDemoLogins(demoLoginsText(logins))).toEqual(logins);
  });

  it('draws one QR code per login, escaping what it prints', async () => {
    const html = await demoLoginsHtml([
      ...logins,
      { ...(logins[1] as DemoLogin), label: '<script>x</script>' },
    ]);
    expect(html.match(/<svg/g)).toHaveLength(3);
    expect(html).not.toContain('<script>');
  });
});
