import {
  Button,
  Checkbox,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import {
  OTHER_AUTHORITY_ID,
  REFERRAL_AUTHORITY_KINDS,
  REFERRAL_CATEGORIES,
} from '@parallax/domain';
import type { FormEvent } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useFocusOnMount } from '../../../../ui/useFocusOnMount';
import type { ReferralActions } from '../../hooks/useReferralActions';
import { useReferralAuthorities } from '../../hooks/useReferralAuthorities';
import { useReferralForm } from '../../hooks/useReferralForm';
import { todayLocal } from '../../utils/deadline';

/** Records a referral: to whom, when, what was handed over (categories only), and a sealed note. */
export function RecordReferralForm({
  actions,
  onDone,
}: {
  actions: ReferralActions;
  onDone: () => void;
}) {
  const intl = useIntl();
  const form = useReferralForm();
  const { authorities } = useReferralAuthorities();
  const heading = useFocusOnMount<HTMLHeadingElement>();
  const { fields, set, problems } = form;
  const shown = (id: keyof typeof problems) =>
    form.attempted && problems[id] ? intl.formatMessage({ id: problems[id] }) : undefined;

  // Grouped by kind, in the vocabulary's order; "other" comes last with a name of its own.
  const data = [
    { value: '', label: intl.formatMessage({ id: 'referral.chooseAuthority' }), disabled: true },
    ...REFERRAL_AUTHORITY_KINDS.filter((kind) => kind !== 'other').flatMap((kind) => {
      const items = authorities
        .filter((a) => a.kind === kind)
        .map((a) => ({ value: a.id, label: a.name }));
      return items.length
        ? [{ group: intl.formatMessage({ id: 'referral.kind' }, { kind }), items }]
        : [];
    }),
    {
      group: intl.formatMessage({ id: 'referral.kind' }, { kind: 'other' }),
      items: [
        { value: OTHER_AUTHORITY_ID, label: intl.formatMessage({ id: 'referral.otherAuthority' }) },
      ],
    },
  ];

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    form.attempt();
    if (!form.valid || actions.busy) return;
    if (await actions.record(form.value, fields.note)) onDone();
  };

  return (
    <form onSubmit={(event) => void submit(event)} noValidate data-testid="referral-form">
      <Stack gap="sm">
        <Title order={3} size="h5" ref={heading} tabIndex={-1}>
          <FormattedMessage id="referral.recordTitle" />
        </Title>
        <NativeSelect
          label={intl.formatMessage({ id: 'referral.authority' })}
          data={data}
          value={fields.authorityId}
          onChange={(event) => set.authorityId(event.currentTarget.value)}
          error={shown('authority')}
          required
        />
        {fields.isOther && (
          <TextInput
            label={intl.formatMessage({ id: 'referral.authorityName' })}
            value={fields.otherName}
            onChange={(event) => set.otherName(event.currentTarget.value)}
            error={shown('name')}
            maxLength={200}
            required
          />
        )}
        <TextInput
          type="date"
          label={intl.formatMessage({ id: 'referral.referredOn' })}
          value={fields.referredOn}
          max={todayLocal()}
          onChange={(event) => set.referredOn(event.currentTarget.value)}
          error={shown('date')}
          required
        />
        <Checkbox.Group
          label={intl.formatMessage({ id: 'referral.categories' })}
          description={intl.formatMessage({ id: 'referral.categoriesHint' })}
          value={fields.categories}
          onChange={set.categories}
          error={shown('categories')}
          withAsterisk
        >
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing={4} mt={4}>
            {REFERRAL_CATEGORIES.map((category) => (
              <Checkbox
                key={category}
                value={category}
                label={intl.formatMessage({ id: 'referral.category' }, { category })}
              />
            ))}
          </SimpleGrid>
        </Checkbox.Group>
        <Textarea
          label={intl.formatMessage({ id: 'referral.note' })}
          description={intl.formatMessage({ id: 'arrangement.sealedHint' })}
          value={fields.note}
          onChange={(event) => set.note(event.currentTarget.value)}
          autosize
          minRows={2}
          maxLength={2000}
        />
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onDone}>
            <FormattedMessage id="action.cancel" />
          </Button>
          <Button type="submit" loading={actions.busy} data-testid="referral-submit">
            <FormattedMessage id="referral.record" />
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
