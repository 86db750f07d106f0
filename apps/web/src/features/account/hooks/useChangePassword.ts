import { notifications } from '@mantine/notifications';
import {
  DEFAULT_KDF_PARAMS,
  generateSigningKeyPair,
  newKdfSalt,
  openPrivateKey,
  openSigningKey,
  sealPrivateKey,
  sealSigningKey,
} from '@parallax/identity';
import { ed25519 } from '@noble/curves/ed25519.js';
import type { CombinedError } from '@urql/core';
import { useState, type FormEvent } from 'react';
import { useIntl } from 'react-intl';
import { base64ToBytes, bytesToBase64 } from '../../../crypto/base64';
import { useKeyDerivation } from '../../../crypto/key-derivation';
import { useKeyStore } from '../../../crypto/key-store';
import { ChangePasswordDocument } from '../../../gql/graphql';
import { useAction } from '../../../graphql/use-action';
import type { MessageId } from '../../../i18n/messages';
import { useSession, useViewer } from '../../auth/hooks/session';
import { usePasswordDerivation } from '../../auth/utils/password-derivation';
import { validatePassword } from '../../signup/utils/validation';

export type PasswordFormField = 'currentPassword' | 'password' | 'confirmPassword';
type Field = PasswordFormField;

/**
 * A new password means a new salt, new login key and new encryption key; the
 * SAME private keys are sealed again under the new encryption key (a new key
 * pair would orphan every working-group key sealed to the old one, and void
 * every certificate others signed over the user's keys). An account made
 * before signing keys existed gets its signing key here if it has none yet.
 */
export function useChangePassword(onChanged: () => void) {
  const intl = useIntl();
  const viewer = useViewer();
  const session = useSession();
  const keyStore = useKeyStore();
  const kdf = useKeyDerivation();
  const deriveCurrent = usePasswordDerivation();
  const change = useAction(ChangePasswordDocument);
  const [values, setValues] = useState<Record<Field, string>>({
    currentPassword: '',
    password: '',
    confirmPassword: '',
  });
  const [errors, setErrors] = useState<Partial<Record<Field, MessageId>>>({});
  const [busy, setBusy] = useState(false);
  const [lookupError, setLookupError] = useState<CombinedError | undefined>();

  const set = (field: Field) => (event: { currentTarget: { value: string } }) => {
    const { value } = event.currentTarget;
    setValues((previous) => ({ ...previous, [field]: value }));
  };

  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    if (busy) return;
    const found: Partial<Record<Field, MessageId>> = validatePassword(
      values.password,
      values.confirmPassword,
    );
    if (!values.currentPassword) found.currentPassword = 'auth.passwordRequired';
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    setLookupError(undefined);
    change.reset();
    try {
      const current = await deriveCurrent(viewer.user.email, values.currentPassword);
      if (!current.ok) {
        if (current.error) setLookupError(current.error);
        else setErrors({ currentPassword: 'account.currentPasswordWrong' });
        return;
      }
      let privateKey: Uint8Array;
      let signingPrivateKey: Uint8Array;
      try {
        // Also proves the current password before the slow second derivation.
        privateKey = openPrivateKey(
          base64ToBytes(viewer.encryptedPrivateKey),
          current.keys.encryptionKey,
        );
        signingPrivateKey = viewer.encryptedSigningKey
          ? openSigningKey(base64ToBytes(viewer.encryptedSigningKey), current.keys.encryptionKey)
          : generateSigningKeyPair().privateKey;
      } catch {
        setErrors({ currentPassword: 'account.currentPasswordWrong' });
        return;
      }
      const newKdfSaltBytes = newKdfSalt();
      const next = await kdf.derive(values.password, newKdfSaltBytes, DEFAULT_KDF_PARAMS);
      const result = await change.run({
        input: {
          currentLoginKey: bytesToBase64(current.keys.loginKey),
          newKdfSalt: bytesToBase64(newKdfSaltBytes),
          newKdfParams: { ...DEFAULT_KDF_PARAMS },
          newLoginKey: bytesToBase64(next.loginKey),
          newEncryptedPrivateKey: bytesToBase64(sealPrivateKey(privateKey, next.encryptionKey)),
          signingPublicKey: bytesToBase64(ed25519.getPublicKey(signingPrivateKey)),
          encryptedSigningKey: bytesToBase64(sealSigningKey(signingPrivateKey, next.encryptionKey)),
        },
      });
      current.keys.loginKey.fill(0);
      current.keys.encryptionKey.fill(0);
      next.loginKey.fill(0);
      if (result.error) {
        if (result.error.graphQLErrors.some((e) => e.extensions?.['code'] === 'UNAUTHENTICATED')) {
          setErrors({ currentPassword: 'account.currentPasswordWrong' });
          change.reset();
        }
        return;
      }
      keyStore.set({
        userId: viewer.user.id,
        encryptionKey: next.encryptionKey,
        privateKey,
        signingPrivateKey,
      });
      setValues({ currentPassword: '', password: '', confirmPassword: '' });
      notifications.show({
        color: 'teal',
        message: intl.formatMessage({ id: 'account.passwordChanged' }),
      });
      await session.refresh();
      onChanged();
    } finally {
      setBusy(false);
    }
  };

  return {
    values,
    errors,
    busy,
    deriving: busy && !change.fetching,
    error: lookupError ?? change.error,
    set,
    submit,
  };
}
