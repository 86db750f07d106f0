import { Checkbox, Fieldset, NativeSelect, Stack } from '@mantine/core';
import { LEAD_ROLES } from '@parallax/domain';
import type { Dispatch } from 'react';
import { useIntl } from 'react-intl';
import { leadRoleLabel } from '../../utils/cluster-labels';
import { partyName, type ClusterView, type LeadRoleValue } from '../../utils/cluster-view';
import {
  choosesMayRefer,
  type ProposalFormAction,
  type ProposalFormState,
} from '../../utils/proposal-form';

/** One role select per party, and "may refer" where the role leaves it open. */
export function RoleFields({
  cluster,
  state,
  dispatch,
}: {
  cluster: Pick<ClusterView, 'parties'>;
  state: ProposalFormState;
  dispatch: Dispatch<ProposalFormAction>;
}) {
  const intl = useIntl();
  const options = [
    { value: '', label: intl.formatMessage({ id: 'arrangement.form.chooseRole' }), disabled: true },
    ...LEAD_ROLES.map((role) => ({ value: role, label: leadRoleLabel(intl, role) })),
  ];
  return (
    <Fieldset legend={intl.formatMessage({ id: 'arrangement.form.roles' })} variant="unstyled">
      <Stack gap="xs">
        {state.parties.map((id) => {
          const choice = state.roles[id] ?? { role: '', mayRefer: false };
          const locked = state.locked.includes(id);
          const name =
            partyName(cluster, id) ?? intl.formatMessage({ id: 'arrangement.unknownOrganisation' });
          return (
            <Stack key={id} gap={4} data-testid="proposal-party" data-organisation-id={id}>
              <NativeSelect
                label={name}
                data={options}
                value={choice.role}
                disabled={locked}
                description={
                  locked ? intl.formatMessage({ id: 'arrangement.form.locked' }) : undefined
                }
                onChange={(event) =>
                  dispatch({
                    type: 'role',
                    organisationId: id,
                    role: event.currentTarget.value as LeadRoleValue | '',
                  })
                }
              />
              {choosesMayRefer(choice.role) && (
                <Checkbox
                  label={intl.formatMessage(
                    { id: 'arrangement.form.mayRefer' },
                    { organisation: name },
                  )}
                  checked={choice.mayRefer}
                  disabled={locked}
                  onChange={(event) =>
                    dispatch({
                      type: 'mayRefer',
                      organisationId: id,
                      mayRefer: event.currentTarget.checked,
                    })
                  }
                />
              )}
            </Stack>
          );
        })}
      </Stack>
    </Fieldset>
  );
}
