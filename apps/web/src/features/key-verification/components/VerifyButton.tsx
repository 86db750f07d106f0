import { Button } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { KeyBundle } from '@parallax/identity';
import type { ReactNode } from 'react';
import { FormattedMessage } from 'react-intl';
import { VerifyDialog } from './VerifyDialog';

/** "Verify" (or "Verify again") on one person's row: opens the safety-number check. */
export function VerifyButton({
  me,
  other,
  name,
  again,
  onMatch,
  busy,
  error,
  onOpen,
}: {
  me: KeyBundle;
  other: KeyBundle;
  name: string;
  again: boolean;
  onMatch: () => Promise<boolean>;
  busy?: boolean;
  error?: ReactNode;
  onOpen?: () => void;
}) {
  const [opened, { open, close }] = useDisclosure(false);
  return (
    <>
      <Button
        size="xs"
        variant="light"
        color={again ? 'orange' : 'blue'}
        onClick={() => {
          onOpen?.();
          open();
        }}
        data-testid="verify-open"
      >
        <FormattedMessage id={again ? 'verify.verifyAgain' : 'verify.verify'} />
      </Button>
      <VerifyDialog
        opened={opened}
        onClose={close}
        me={me}
        other={other}
        name={name}
        onMatch={onMatch}
        busy={busy}
        error={error}
      />
    </>
  );
}
