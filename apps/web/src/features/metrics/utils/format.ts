import { useMemo } from 'react';
import { useIntl } from 'react-intl';

/** How a suppressed number reads in tables and text (the legend explains it). */
export const SUPPRESSED_MARK = '—';

/**
 * Arabic numbers in Arabic-Indic digits: recent CLDR data gives plain `ar`
 * Latin digits by default, so the numbering system is asked for explicitly.
 */
export function numberingSystemFor(locale: string): string | undefined {
  return locale.split('-')[0] === 'ar' ? 'arab' : undefined;
}

/** The first day of a 'YYYY-MM' period, in UTC. */
export function periodStart(period: string): number {
  const [year, month] = period.split('-').map(Number);
  return Date.UTC(year ?? 1970, (month ?? 1) - 1, 1);
}

export interface MetricsFormat {
  /** A published count, or "—" when suppressed. */
  count: (value: number | null | undefined) => string;
  /** Any number (ε, thresholds) in the active locale's digits. */
  number: (value: number) => string;
  /** "Mar 2026" for '2026-03', in the active locale. */
  month: (period: string) => string;
}

/** Numbers and months through react-intl, in the active locale's digits. */
export function useMetricsFormat(): MetricsFormat {
  const intl = useIntl();
  return useMemo(() => {
    const numberingSystem = numberingSystemFor(intl.locale);
    const number = (value: number) =>
      intl.formatNumber(value, { numberingSystem, maximumFractionDigits: 3 });
    return {
      number,
      count: (value) => (value === null || value === undefined ? SUPPRESSED_MARK : number(value)),
      month: (period) =>
        intl.formatDate(periodStart(period), {
          year: 'numeric',
          month: 'short',
          timeZone: 'UTC',
          numberingSystem,
        }),
    };
  }, [intl]);
}
