import { FingerprintingPage } from '../../features/cases/components/FingerprintingPage';
import { RegisterCaseForm } from '../../features/cases/components/RegisterCaseForm';

export type { RegisteredState } from '../../features/cases/hooks/useRegisterCase';

/**
 * Register one tracking case: the organisation's label and tags, and the
 * suspect's identifiers, fingerprinted in a worker on this device. The
 * identifiers are never sent nor stored, and the form forgets them once the
 * case is registered.
 */
export function RegisterCasePage() {
  return (
    <FingerprintingPage
      titleId="cases.registerTitle"
      privacyId="cases.privacy"
      maw={900}
      testId="register-case-page"
    >
      {(groups) => <RegisterCaseForm groups={groups} />}
    </FingerprintingPage>
  );
}
