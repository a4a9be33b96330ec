import { Alert, Anchor, Text } from '@mantine/core';
import { IconClockExclamation } from '@tabler/icons-react';

/** Props of {@link StaleBanner}. */
export interface StaleBannerProps {
  verified: string | null;
  maxAgeDays: number;
  editUrl: string | null;
}

/** Says plainly that a guide may no longer match the platform, and how to get it fixed. */
export function StaleBanner({ verified, maxAgeDays, editUrl }: StaleBannerProps) {
  return (
    <Alert
      color="yellow"
      variant="light"
      icon={<IconClockExclamation size={20} />}
      title="This guide may be out of date"
      mb="lg"
      data-testid="stale-banner"
    >
      <Text size="sm">
        {verified
          ? `It was last checked against the platform on ${verified}, more than ${maxAgeDays} days ago.`
          : 'Nobody has recorded checking it against the platform yet.'}{' '}
        Steps may have changed: if one does not work, use Request help, or{' '}
        {editUrl ? (
          <Anchor href={editUrl} target="_blank" rel="noopener noreferrer" size="sm">
            update the guide in git
          </Anchor>
        ) : (
          'update the guide in the platform repo'
        )}
        .
      </Text>
    </Alert>
  );
}
