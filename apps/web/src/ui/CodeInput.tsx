import { TextInput, type TextInputProps } from '@mantine/core';
import { useIntl } from 'react-intl';

export type CodeInputProps = Omit<TextInputProps, 'onChange' | 'value'> & {
  value: string;
  onChange: (value: string) => void;
};

/**
 * The six-digit authenticator code: numeric keypad on phones, offered by the
 * OS's one-time-code autofill, and only digits kept (pasted "123 456" works).
 */
export function CodeInput({ value, onChange, label, ...props }: CodeInputProps) {
  const intl = useIntl();
  return (
    <TextInput
      label={label ?? intl.formatMessage({ id: 'auth.code' })}
      description={intl.formatMessage({ id: 'auth.codeHint' })}
      inputMode="numeric"
      autoComplete="one-time-code"
      maxLength={6}
      value={value}
      onChange={(event) => onChange(event.currentTarget.value.replace(/\D/g, '').slice(0, 6))}
      styles={{ input: { letterSpacing: '0.3em', fontVariantNumeric: 'tabular-nums' } }}
      dir="ltr"
      required
      {...props}
    />
  );
}

export const isSixDigitCode = (code: string): boolean => /^\d{6}$/.test(code);
