import { OVERLAP_ALERT_LEVELS } from '@parallax/domain';
import { SetOverlapAlertLevelDocument, type OverlapAlertLevel } from '../../../gql/graphql';
import { useOverlapAlertLevel } from '../hooks/useOverlapAlertLevel';
import { OrganisationSettingSection, type SettingOption } from './OrganisationSettingSection';

const LABELS = {
  strong: 'organisation.alertLevelStrong',
  probable: 'organisation.alertLevelProbable',
  possible: 'organisation.alertLevelPossible',
} as const;
const HINTS = {
  strong: 'organisation.alertLevelStrongHint',
  probable: 'organisation.alertLevelProbableHint',
  possible: 'organisation.alertLevelPossibleHint',
} as const;
const OPTIONS: readonly SettingOption<OverlapAlertLevel>[] = OVERLAP_ALERT_LEVELS.map((level) => ({
  value: level,
  label: LABELS[level],
  description: HINTS[level],
}));

/**
 * Which overlaps notify the organisation: strong only, probable and strong
 * (the default), or possible ones too. Every overlap is listed on its case
 * whatever the level. Its members read it; its admins change it (the hub
 * asks for a fresh second factor and audits the change).
 */
export function OverlapAlertLevelSection({
  organisationId,
  mayEdit,
}: {
  organisationId: string;
  mayEdit: boolean;
}) {
  const current = useOverlapAlertLevel(organisationId);
  return (
    <OrganisationSettingSection
      testId="overlap-alert-level-section"
      messages={{
        title: 'organisation.alertLevelTitle',
        intro: 'organisation.alertLevelIntro',
        label: 'organisation.alertLevelLabel',
        save: 'organisation.alertLevelSave',
        saved: 'organisation.alertLevelSaved',
      }}
      options={OPTIONS}
      current={current}
      initial="probable"
      mayEdit={mayEdit}
      readOnlyNote={{
        message: 'organisation.alertLevelAdminsChoose',
        testId: 'overlap-alert-level-readonly',
      }}
      mutation={SetOverlapAlertLevelDocument}
      variables={(level) => ({ level })}
    />
  );
}
