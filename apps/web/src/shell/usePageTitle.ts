import { useEffect } from 'react';
import { useIntl } from 'react-intl';
import type { MessageId } from '../i18n/messages';

/** Sets the document title ("Cases · Parallax"), re-translated on language switch. */
export function usePageTitle(page: MessageId): void {
  const intl = useIntl();
  const title = intl.formatMessage(
    { id: 'app.documentTitle' },
    { page: intl.formatMessage({ id: page }) },
  );
  useEffect(() => {
    document.title = title;
  }, [title]);
}
