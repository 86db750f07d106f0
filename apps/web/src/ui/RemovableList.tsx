import { Group, List, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import type { CombinedError } from '@urql/core';
import { FormattedMessage } from 'react-intl';
import type { MessageId } from '../i18n/messages';
import { ActionError } from './ActionError';
import { ConfirmButton } from './ConfirmButton';

export interface RemovableListProps<Item> {
  items: readonly Item[];
  itemKey: (item: Item) => string;
  /** What the item shows (a name, badges…). */
  render: (item: Item) => ReactNode;
  /** Whether this item may be removed by the viewer (no button otherwise). */
  removable: (item: Item) => boolean;
  /** The confirmation modal's title and body for this item. */
  confirmTitle: (item: Item) => string;
  confirmBody: (item: Item) => ReactNode;
  onRemove: (item: Item) => void;
  removing?: boolean;
  /** The removal's error, with its retry. */
  error?: CombinedError | undefined;
  onRetry?: () => void;
  empty?: MessageId;
  removeLabel?: MessageId;
  'data-testid'?: string;
  itemTestId?: (item: Item) => string;
}

/**
 * A list whose items an authorised viewer may remove, each removal confirmed
 * first (coordinators, donors, members, values of a form…).
 */
export function RemovableList<Item>({
  items,
  itemKey,
  render,
  removable,
  confirmTitle,
  confirmBody,
  onRemove,
  removing = false,
  error,
  onRetry,
  empty,
  removeLabel = 'action.remove',
  itemTestId,
  ...rest
}: RemovableListProps<Item>) {
  if (items.length === 0 && empty) {
    return (
      <Text c="dimmed" size="sm">
        <FormattedMessage id={empty} />
      </Text>
    );
  }
  return (
    <>
      <List listStyleType="none" spacing="xs" data-testid={rest['data-testid']}>
        {items.map((item) => (
          <List.Item key={itemKey(item)} data-testid={itemTestId?.(item)}>
            <Group gap="sm" wrap="nowrap" justify="space-between">
              <div>{render(item)}</div>
              {removable(item) && (
                <ConfirmButton
                  size="xs"
                  variant="subtle"
                  title={confirmTitle(item)}
                  body={confirmBody(item)}
                  onConfirm={() => onRemove(item)}
                  loading={removing}
                >
                  <FormattedMessage id={removeLabel} />
                </ConfirmButton>
              )}
            </Group>
          </List.Item>
        ))}
      </List>
      <ActionError error={error} onRetry={onRetry} />
    </>
  );
}
