import { useQuery } from 'urql';
import {
  OrganisationLeadNegotiatorsDocument,
  SetLeadNegotiatorsDocument,
  type LeadNegotiators,
} from '../../../gql/graphql';
import { OrganisationSettingSection, type SettingOption } from './OrganisationSettingSection';

const OPTIONS: readonly SettingOption<LeadNegotiators>[] = [
  { value: 'admins', label: 'organisation.negotiatorsAdmins' },
  { value: 'admins_and_investigators', label: 'organisation.negotiatorsInvestigators' },
];

/**
 * Who speaks for the organisation in lead negotiations on clusters: its
 * admins only (the default), or its investigators too. For its admins; the
 * hub asks for a fresh second factor and audits the change.
 */
export function LeadNegotiatorsSection({ organisationId }: { organisationId: string }) {
  const [{ data }] = useQuery({
    query: OrganisationLeadNegotiatorsDocument,
    variables: { id: organisationId },
  });
  return (
    <OrganisationSettingSection
      testId="lead-negotiators-section"
      messages={{
        title: 'organisation.negotiatorsTitle',
        intro: 'organisation.negotiatorsIntro',
        label: 'organisation.negotiatorsLabel',
        save: 'organisation.negotiatorsSave',
        saved: 'organisation.negotiatorsSaved',
      }}
      options={OPTIONS}
      current={data?.organisation.leadNegotiators ?? null}
      initial="admins"
      // Only its admins see this section (the page shows it to them alone).
      mayEdit
      mutation={SetLeadNegotiatorsDocument}
      variables={(policy) => ({ policy })}
    />
  );
}
