import { describe, expect, it } from 'vitest';
import { validateSignUp, type SignUpValues } from './validation';

const valid: SignUpValues = {
  email: 'nadia@example.org',
  displayName: 'Nadia',
  password: 'correct horse battery',
  confirmPassword: 'correct horse battery',
  totpCode: '123456',
};

describe('validateSignUp', () => {
  it('accepts a complete form', () => {
    expect(validateSignUp(valid)).toEqual({});
  });

  it('wants a password of at least 12 characters, counted as people count them', () => {
    expect(validateSignUp({ ...valid, password: 'short', confirmPassword: 'short' })).toEqual({
      password: 'signup.passwordTooShort',
    });
    // Twelve Arabic letters are twelve characters, whatever their UTF-16 length.
    const arabic = 'كلمةمرورطويل';
    expect(validateSignUp({ ...valid, password: arabic, confirmPassword: arabic })).toEqual({});
    const emoji = '🔐'.repeat(6);
    expect(validateSignUp({ ...valid, password: emoji, confirmPassword: emoji }).password).toBe(
      'signup.passwordTooShort',
    );
  });

  it('wants both passwords to match', () => {
    expect(validateSignUp({ ...valid, confirmPassword: 'correct horse battery!' })).toEqual({
      confirmPassword: 'signup.passwordMismatch',
    });
  });

  it('wants exactly six digits as the code', () => {
    for (const totpCode of ['', '12345', '1234567', '12a456', '123 456']) {
      expect(validateSignUp({ ...valid, totpCode }).totpCode).toBe('auth.codeFormat');
    }
  });

  it('wants an e-mail address and a name', () => {
    expect(validateSignUp({ ...valid, email: 'nadia', displayName: '  ' })).toEqual({
      email: 'signup.emailInvalid',
      displayName: 'signup.nameRequired',
    });
  });
});
