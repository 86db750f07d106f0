import { Alert } from '@mantine/core';
import { FormattedMessage } from 'react-intl';
import type { AuditLogQuery } from '../../../gql/graphql';
import { AlertIcon, CheckIcon } from '../../../ui/icons';

type Verification = AuditLogQuery['auditLog']['verification'];

/**
 * The hub recomputes the whole hash chain: any edit or deletion of a past
 * entry breaks it at that entry, and this is where people would see it.
 */
export function ChainBanner({ verification }: { verification: Verification }) {
  return verification.ok ? (
    <Alert
      color="teal"
      variant="light"
      icon={<CheckIcon />}
      data-testid="chain-status"
      data-ok="true"
    >
      <FormattedMessage id="audit.chainIntact" values={{ count: verification.entries }} />
    </Alert>
  ) : (
    <Alert
      color="red"
      variant="filled"
      icon={<AlertIcon />}
      role="alert"
      data-testid="chain-status"
      data-ok="false"
    >
      <FormattedMessage
        id="audit.chainBroken"
        values={{
          seq: verification.firstBadSeq ?? '?',
          reason: <bdi>{verification.reason ?? ''}</bdi>,
        }}
      />
    </Alert>
  );
}
