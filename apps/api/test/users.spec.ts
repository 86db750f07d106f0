import { createAccountMaterial, TEST_KDF_PARAMS } from '@parallax/identity';
import { DataSource } from 'typeorm';
import { describe, expect, it } from 'vitest';
import { verifyLoginKey } from '../src/common/crypto/login-verifier.js';
import { LEGACY_TOTP_PURPOSE, totpPurpose } from '../src/modules/auth/totp.service.js';
import { UsersService } from '../src/modules/users/users.service.js';
import { useTestApp } from './support/test-app.js';

const t = useTestApp();

const auditCount = async () =>
  Number((await t.app.get(DataSource).query('SELECT count(*) AS n FROM audit_log'))[0].n);

describe('platform admin bootstrap', () => {
  it('stores only a slow hash of the login key, the sealed private key, and an audit entry', async () => {
    const material = await createAccountMaterial('a long enough password', TEST_KDF_PARAMS);
    const before = await auditCount();
    const enrolment = await t.app
      .get(UsersService)
      .createAccount({ email: ' Admin@Example.ORG ', displayName: 'Admin', ...material }, null);
    const [row] = await t.app.get(DataSource).query('SELECT * FROM app_user WHERE id = $1', [enrolment.userId]);
    expect(row.email).toBe('admin@example.org');
    expect(row.is_platform_admin).toBe(true);
    expect(row.login_verifier).toMatch(/^scrypt\$/);
    expect(row.login_verifier).not.toContain(Buffer.from(material.loginKey).toString('base64'));
    expect(await verifyLoginKey(material.loginKey, row.login_verifier)).toBe(true);
    expect(await verifyLoginKey(new Uint8Array(32), row.login_verifier)).toBe(false);
    expect(Buffer.from(row.encrypted_private_key).equals(Buffer.from(material.encryptedPrivateKey))).toBe(true);
    // The TOTP seed is sealed under the master key, not stored in clear.
    expect(Buffer.from(row.totp_secret).toString('latin1')).not.toContain(enrolment.totpSecret);
    // …bound to this account: under another purpose (the old unbound one, or another user's) it does not open.
    expect(t.runtime.secretBox.open(row.totp_secret, totpPurpose(enrolment.userId))).toHaveLength(20);
    expect(() => t.runtime.secretBox.open(row.totp_secret, LEGACY_TOTP_PURPOSE)).toThrow();
    expect(await auditCount()).toBe(before + 1);
  });

  it('refuses a duplicate e-mail with EMAIL_TAKEN and changes nothing', async () => {
    const material = await createAccountMaterial('another long password', TEST_KDF_PARAMS);
    const before = await auditCount();
    await expect(
      t.app
        .get(UsersService)
        .createAccount({ email: 'admin@example.org', displayName: 'Again', ...material }, null),
    ).rejects.toMatchObject({ code: 'EMAIL_TAKEN' });
    expect(await auditCount()).toBe(before);
  });

  it('refuses a malformed e-mail with BAD_USER_INPUT', async () => {
    const material = await createAccountMaterial('yet another password', TEST_KDF_PARAMS);
    await expect(
      t.app
        .get(UsersService)
        .createAccount({ email: 'not-an-email', displayName: 'X', ...material }, null),
    ).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
  });
});
