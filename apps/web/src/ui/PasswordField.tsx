import { PasswordInput, type PasswordInputProps } from '@mantine/core';
import { useIntl } from 'react-intl';

/**
 * Mantine's PasswordInput links its error through aria-describedby but does
 * not mark the input aria-invalid; this does, and labels the show toggle.
 */
export function PasswordField(props: PasswordInputProps) {
  const intl = useIntl();
  return (
    <PasswordInput
      aria-invalid={props.error ? true : undefined}
      visibilityToggleButtonProps={{
        'aria-label': intl.formatMessage({ id: 'auth.showPassword' }),
      }}
      {...props}
    />
  );
}
