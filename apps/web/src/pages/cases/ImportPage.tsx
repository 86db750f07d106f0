import { FingerprintingPage } from '../../features/cases/components/FingerprintingPage';
import { Importer } from '../../features/import/components/Importer';

/** Route /cases/import: bulk import of a file, on this device (features/import). */
export function ImportPage() {
  return (
    <FingerprintingPage
      titleId="import.title"
      privacyId="import.privacy"
      maw={1000}
      testId="import-page"
    >
      {(groups) => <Importer groups={groups} />}
    </FingerprintingPage>
  );
}
