import { Alert, Button, Code, Group, Text } from '@mantine/core';
import { IconAlertTriangle, IconRefresh } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { ApiError, describeError } from '../api/api-error.js';

/** Props of {@link ErrorState}. */
export interface ErrorStateProps {
  /** What could not be done, e.g. "Could not load users". */
  title: string;
  error: unknown;
  onRetry?: () => void;
  /** Another way out, such as a link home. */
  extra?: ReactNode;
}

/** An error in plain words, with its code small (for a Keeper to look up) and a retry. */
export function ErrorState({ title, error, onRetry, extra }: ErrorStateProps) {
  const code = error instanceof ApiError ? error.code : 'CLIENT_ERROR';
  return (
    <Alert
      role="alert"
      data-testid="error-state"
      variant="light"
      color="red"
      title={title}
      icon={<IconAlertTriangle size={20} />}
    >
      <Text size="sm">{describeError(error)}</Text>
      <Group mt="sm" gap="sm" align="center">
        {onRetry && (
          <Button
            size="xs"
            variant="white"
            color="red"
            leftSection={<IconRefresh size={14} />}
            onClick={onRetry}
          >
            Try again
          </Button>
        )}
        {extra}
        <Text size="xs" c="dimmed">
          Error code <Code fz="xs">{code}</Code>
        </Text>
      </Group>
    </Alert>
  );
}
