import { FINGERPRINT_SCHEMA_VERSION } from '@parallax/fingerprint';
import { padFingerprints } from '@parallax/hub-client';
import { useState, type FormEvent } from 'react';
import { fingerprintPerson } from '../utils/register';
import { useUnlockedKeys } from '../../../crypto/key-store';
import { useFingerprinterFactory } from '../../fingerprinting/utils/fingerprinter';
import { RefingerprintCaseDocument, type CaseFieldsFragment } from '../../../gql/graphql';
import { useAction } from '../../../graphql/use-action';
import { useHubRequest } from '../../../hub/hub-request';
import { useViewer } from '../../auth/hooks/session';
import { useGroupKey } from '../../group-keys/hooks/store';
import { canFingerprintWith } from '../../group-keys/utils/schema';
import { emptyPerson, hasIdentifiers, personFromForm } from '../utils/person-form';

/**
 * The re-entry form of a case whose fingerprints belong to an old key epoch:
 * fingerprints the identifiers in the browser, then replaces the case's
 * fingerprints (the hub never sees the identifiers).
 */
export function useRefingerprint(kase: CaseFieldsFragment, onDone: () => void) {
  const viewer = useViewer();
  const keys = useUnlockedKeys(viewer.user.id);
  const groupKey = useGroupKey(kase.workingGroupId);
  const request = useHubRequest();
  const fingerprinterFactory = useFingerprinterFactory();
  const update = useAction(RefingerprintCaseDocument);
  const [opened, setOpened] = useState(false);
  const [person, setPerson] = useState(emptyPerson);
  const [country, setCountry] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy || !canFingerprintWith(groupKey) || !keys || !hasIdentifiers(person)) return;
    setBusy(true);
    setFailure(null);
    const fingerprinter = fingerprinterFactory();
    try {
      const fingerprints = await fingerprintPerson({
        request,
        fingerprinter,
        workingGroupId: kase.workingGroupId,
        epoch: groupKey.epoch,
        groupKey: groupKey.groupKey,
        person: personFromForm(person),
        ...(country ? { defaultPhoneCountry: country } : {}),
      });
      const result = await update.run({
        caseId: kase.id,
        // Padded like every upload (registerCases pads on its own): the hub refuses an unpadded set.
        input: {
          epoch: groupKey.epoch,
          schemaVersion: FINGERPRINT_SCHEMA_VERSION,
          fingerprints: padFingerprints(fingerprints),
        },
      });
      if (!result.error) {
        setPerson(emptyPerson());
        setOpened(false);
        onDone();
      }
    } catch (caught) {
      setFailure(caught);
    } finally {
      fingerprinter.dispose();
      setBusy(false);
    }
  };

  return {
    keysUnlocked: keys !== null,
    ready: canFingerprintWith(groupKey) && keys !== null,
    opened,
    setOpened,
    person,
    setPerson,
    country,
    setCountry,
    busy,
    failure,
    updateError: update.error,
    submit,
  };
}
