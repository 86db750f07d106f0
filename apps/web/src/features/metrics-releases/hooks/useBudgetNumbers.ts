import { useIntl } from 'react-intl';
import { numberingSystemFor, useMetricsFormat } from '../../metrics/utils/format';

/**
 * ε, years and months as the donors' pages write them (Arabic-Indic digits
 * in Arabic): the coordinator reads the same figures donors will.
 */
export function useBudgetNumbers() {
  const intl = useIntl();
  const format = useMetricsFormat();
  return {
    epsilon: format.number,
    month: format.month,
    yearOf: (year: number) =>
      intl.formatNumber(year, {
        useGrouping: false,
        numberingSystem: numberingSystemFor(intl.locale),
      }),
  };
}
