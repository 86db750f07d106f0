import { NativeSelect } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { isLocale, SUPPORTED_LOCALES } from '@parallax/domain';
import { useIntl } from 'react-intl';
import { GlobeIcon } from '../ui/icons';
import { useLocale } from './I18nProvider';
import { LANGUAGE_NAMES } from './locale';

/**
 * A native <select>: it works with every screen reader, keyboard and mobile
 * picker, and end-to-end tests can drive it with plain option values.
 */
export function LanguageSwitch() {
  const intl = useIntl();
  const { locale, pendingLocale, setLocale } = useLocale();

  const onChange = async (value: string) => {
    if (!isLocale(value) || value === locale) return;
    if ((await setLocale(value)) === 'failed') {
      notifications.show({
        id: 'language-load-failed',
        color: 'red',
        message: intl.formatMessage({ id: 'app.languageLoadFailed' }),
      });
    }
  };

  return (
    <NativeSelect
      data-testid="language-switch"
      aria-label={intl.formatMessage({ id: 'app.language' })}
      aria-busy={pendingLocale !== null}
      value={pendingLocale ?? locale}
      onChange={(event) => void onChange(event.currentTarget.value)}
      leftSection={<GlobeIcon />}
      size="sm"
      w={{ base: 150, sm: 170 }}
    >
      {SUPPORTED_LOCALES.map((code) => (
        <option key={code} value={code} lang={code} dir="auto">
          {LANGUAGE_NAMES[code]}
        </option>
      ))}
    </NativeSelect>
  );
}
