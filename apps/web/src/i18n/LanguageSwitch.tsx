import { NativeSelect } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { isLocale, SUPPORTED_LOCALES } from '@parallax/domain';
import { useIntl } from 'react-intl';
import { GlobeIcon } from '../ui/icons';
import { useLocale } from './I18nProvider';
import { LANGUAGE_NAMES } from './locale';
import classes from './LanguageSwitch.module.css';

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
      // Narrow sections leave room for the longest name (Українська) in the
      // 128 px the switch may take in a 390 px phone's header.
      leftSectionWidth={28}
      rightSectionWidth={24}
      size="sm"
      w={{ base: 128, sm: 170 }}
      classNames={{ input: classes.input }}
    >
      {SUPPORTED_LOCALES.map((code) => (
        <option key={code} value={code} lang={code} dir="auto">
          {LANGUAGE_NAMES[code]}
        </option>
      ))}
    </NativeSelect>
  );
}
