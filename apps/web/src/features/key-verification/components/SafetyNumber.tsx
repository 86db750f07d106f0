import { Box, Group, Image, Stack, Text } from '@mantine/core';
import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import { useIntl } from 'react-intl';

/** The 30 digits as six groups of five, whatever spacing the caller gave. */
export function safetyNumberGroups(safetyNumber: string): string[] {
  const digits = safetyNumber.replace(/\D/gu, '');
  return digits.match(/\d{1,5}/gu) ?? [];
}

/**
 * A safety number as both people read it aloud: six groups of five digits,
 * large and monospaced, always left to right (digits are read in the same
 * order in Arabic), with a QR code of the same value beside it for a check
 * in person. The QR image is made in the browser: nothing is sent anywhere.
 */
export function SafetyNumber({ safetyNumber, qrText }: { safetyNumber: string; qrText: string }) {
  const intl = useIntl();
  const [image, setImage] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    QRCode.toString(qrText, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' }).then(
      (svg) => current && setImage(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`),
      () => current && setImage(null),
    );
    return () => {
      current = false;
    };
  }, [qrText]);
  const groups = safetyNumberGroups(safetyNumber);

  return (
    <Group align="center" gap="xl" wrap="wrap" data-testid="safety-number">
      <Box
        dir="ltr"
        role="group"
        aria-label={intl.formatMessage({ id: 'verify.numberLabel' })}
        data-testid="safety-number-digits"
        data-value={groups.join(' ')}
        style={{
          display: 'grid',
          gridTemplateColumns: 'repeat(3, auto)',
          gap: '0.5rem 1.25rem',
          fontFamily: 'var(--mantine-font-family-monospace)',
        }}
      >
        {groups.map((group, index) => (
          <Text
            key={index}
            component="span"
            fz={28}
            fw={600}
            ff="monospace"
            lh={1.2}
            data-testid="safety-number-group"
          >
            {group}
          </Text>
        ))}
      </Box>
      <Stack gap={4} align="center">
        {image && (
          <Image
            src={image}
            alt={intl.formatMessage({ id: 'verify.qrAlt' })}
            w={160}
            h={160}
            bg="white"
            data-testid="safety-number-qr"
            data-qr-text={qrText}
          />
        )}
      </Stack>
    </Group>
  );
}
