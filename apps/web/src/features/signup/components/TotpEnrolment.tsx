import { Code, Group, Image, List, Stack, Text } from '@mantine/core';
import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';

/**
 * The QR code an authenticator app scans, and the same secret as text for
 * typing in by hand (or when the camera is not available). The image is an
 * SVG made in the browser: the secret is never sent to a QR service.
 */
export function TotpEnrolment({ secret, uri }: { secret: string; uri: string }) {
  const intl = useIntl();
  const [image, setImage] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    QRCode.toString(uri, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' }).then(
      (svg) => current && setImage(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`),
      () => current && setImage(null),
    );
    return () => {
      current = false;
    };
  }, [uri]);

  return (
    <Stack gap="sm">
      <List type="ordered" spacing={4} size="sm">
        <List.Item>
          <FormattedMessage id="signup.totpStep1" />
        </List.Item>
        <List.Item>
          <FormattedMessage id="signup.totpStep2" />
        </List.Item>
        <List.Item>
          <FormattedMessage id="signup.totpStep3" />
        </List.Item>
      </List>
      <Group align="center" gap="lg">
        {image && (
          <Image
            src={image}
            alt={intl.formatMessage({ id: 'signup.qrAlt' })}
            w={180}
            h={180}
            bg="white"
            data-testid="totp-qr"
          />
        )}
        <Stack gap={4}>
          <Text size="sm">
            <FormattedMessage id="signup.totpManual" />
          </Text>
          <Code
            block
            dir="ltr"
            fz="md"
            data-testid="totp-secret"
            style={{ wordBreak: 'break-all', userSelect: 'all' }}
          >
            {secret}
          </Code>
        </Stack>
      </Group>
    </Stack>
  );
}
