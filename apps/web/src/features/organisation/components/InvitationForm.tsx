import { Button, Group, NativeSelect, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { CreateInvitationDocument, type UserRole } from '../../../gql/graphql';
import { useAction } from '../../../graphql/use-action';
import { ActionError } from '../../../ui/ActionError';
import { isUserRole, USER_ROLES } from '../utils/roles';

interface Choice {
  id: string;
  name: string;
}

interface InvitationFormProps {
  /** The organisation, fixed (org admins) or picked from `organisations` (platform admin). */
  organisationId: string | null;
  organisations?: readonly Choice[];
  /** Preselected in the organisation picker (e.g. the one just created). */
  initialOrganisationId?: string | null;
  /** Platform admin: the invitee may become a group's first coordinator. */
  workingGroups?: readonly Choice[];
  onCreated: (path: string) => void;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Creates a single-use sign-up link; the e-mail, if given, is the only one that can use it. */
export function InvitationForm({
  organisationId,
  organisations,
  initialOrganisationId,
  workingGroups,
  onCreated,
}: InvitationFormProps) {
  const intl = useIntl();
  const create = useAction(CreateInvitationDocument);
  const [pickedOrganisation, setPickedOrganisation] = useState(initialOrganisationId ?? '');
  const [role, setRole] = useState<UserRole>(initialOrganisationId ? 'org_admin' : 'investigator');
  const [email, setEmail] = useState('');
  const [group, setGroup] = useState('');
  const [problem, setProblem] = useState<'email' | 'organisation' | null>(null);
  const target = organisationId ?? pickedOrganisation;

  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    if (!target) return setProblem('organisation');
    if (email.trim() && !EMAIL.test(email.trim())) return setProblem('email');
    setProblem(null);
    const result = await create.run({
      input: {
        organisationId: target,
        role,
        email: email.trim() || null,
        coordinatorOfWorkingGroupId: group || null,
      },
    });
    if (result.data) {
      onCreated(result.data.createInvitation.path);
      setEmail('');
      setGroup('');
    }
  };

  return (
    <form onSubmit={(event) => void submit(event)} noValidate data-testid="invitation-form">
      <Stack gap="sm">
        <Group align="flex-start" gap="sm" grow>
          {organisationId === null && (
            <NativeSelect
              label={intl.formatMessage({ id: 'invitations.organisation' })}
              value={pickedOrganisation}
              onChange={(event) => setPickedOrganisation(event.currentTarget.value)}
              error={
                problem === 'organisation'
                  ? intl.formatMessage({ id: 'invitations.organisationRequired' })
                  : undefined
              }
              data={[
                { value: '', label: intl.formatMessage({ id: 'form.choose' }) },
                ...(organisations ?? []).map((o) => ({ value: o.id, label: o.name })),
              ]}
              data-testid="invitation-organisation"
            />
          )}
          <NativeSelect
            label={intl.formatMessage({ id: 'organisation.role' })}
            value={role}
            onChange={(event) => {
              const value = event.currentTarget.value;
              if (isUserRole(value)) setRole(value);
            }}
            data={USER_ROLES.map((value) => ({
              value,
              label: intl.formatMessage({ id: `role.${value}` }),
            }))}
            data-testid="invitation-role"
          />
          <TextInput
            label={intl.formatMessage({ id: 'invitations.email' })}
            description={intl.formatMessage({ id: 'invitations.emailHint' })}
            type="email"
            dir="ltr"
            value={email}
            onChange={(event) => setEmail(event.currentTarget.value)}
            error={
              problem === 'email' ? intl.formatMessage({ id: 'signup.emailInvalid' }) : undefined
            }
          />
        </Group>
        {workingGroups && (
          <NativeSelect
            label={intl.formatMessage({ id: 'invitations.coordinatorOf' })}
            description={intl.formatMessage({ id: 'invitations.coordinatorOfHint' })}
            value={group}
            onChange={(event) => setGroup(event.currentTarget.value)}
            data={[
              { value: '', label: intl.formatMessage({ id: 'invitations.noGroup' }) },
              ...workingGroups.map((g) => ({ value: g.id, label: g.name })),
            ]}
            maw={480}
          />
        )}
        <ActionError error={create.error} onRetry={() => void submit()} />
        <Button
          type="submit"
          loading={create.fetching}
          style={{ alignSelf: 'flex-start' }}
          data-testid="create-invitation"
        >
          <FormattedMessage id="invitations.create" />
        </Button>
      </Stack>
    </form>
  );
}
