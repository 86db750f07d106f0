import { Stack, Text, Title } from '@mantine/core';
import { FormattedMessage, useIntl } from 'react-intl';
import { RemoveCoordinatorDocument, type WorkingGroupDetailQuery } from '../../../gql/graphql';
import { useAction } from '../../../graphql/use-action';
import { RemovableList } from '../../../ui/RemovableList';
import { usePermissions } from '../../auth/hooks/permissions';
import { AppointCoordinatorForm } from './AppointCoordinatorForm';

type Coordinators = WorkingGroupDetailQuery['workingGroup']['coordinators'];

/** The group's coordinators; the last one cannot be removed. */
export function CoordinatorsSection({
  workingGroupId,
  coordinators,
  onChanged,
}: {
  workingGroupId: string;
  coordinators: Coordinators;
  onChanged: () => void;
}) {
  const intl = useIntl();
  const can = usePermissions();
  const remove = useAction(RemoveCoordinatorDocument);
  const mayAppoint = can({
    action: 'create',
    subject: 'Coordinator',
    // A platform admin appoints only a new group's first coordinator (the shared policy).
    record: { workingGroupId, userId: '', groupHasCoordinators: coordinators.length > 0 },
  });

  return (
    <Stack gap="sm" data-testid="group-coordinators">
      <Title order={2} size="h3">
        <FormattedMessage id="groups.coordinatorsTitle" />
      </Title>
      <RemovableList
        items={coordinators}
        itemKey={(coordinator) => coordinator.userId}
        render={(coordinator) => (
          <Text size="sm" dir="auto">
            {coordinator.displayName}
            {coordinator.organisationName && ` · ${coordinator.organisationName}`}
          </Text>
        )}
        removable={(coordinator) =>
          coordinators.length > 1 &&
          can({
            action: 'delete',
            subject: 'Coordinator',
            record: { workingGroupId, userId: coordinator.userId },
          })
        }
        confirmTitle={() => intl.formatMessage({ id: 'groups.removeCoordinatorTitle' })}
        confirmBody={(coordinator) => (
          <FormattedMessage
            id="groups.removeCoordinatorBody"
            values={{ name: <bdi>{coordinator.displayName}</bdi> }}
          />
        )}
        onRemove={(coordinator) =>
          void remove
            .run({ workingGroupId, userId: coordinator.userId })
            .then((r) => !r.error && onChanged())
        }
        removing={remove.fetching}
        error={remove.error}
        onRetry={remove.retry}
      />
      {mayAppoint && (
        <AppointCoordinatorForm
          workingGroupId={workingGroupId}
          coordinators={coordinators}
          onAppointed={onChanged}
        />
      )}
    </Stack>
  );
}
