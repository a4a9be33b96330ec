import { Alert, Group, Paper, Text } from '@mantine/core';
import { IconEyeExclamation } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { CopyButton } from './CopyButton.js';

/** Props of {@link SecretReveal}. */
export interface SecretRevealProps {
  /** What the secret is, e.g. "token" or "one-time password". */
  label: string;
  value: string;
  /** Why it is shown once and what to do with it. */
  children: ReactNode;
}

/** A secret shown exactly once: a clear notice, the value in full, and a copy button. */
export function SecretReveal({ label, value, children }: SecretRevealProps) {
  return (
    <>
      <Alert
        variant="light"
        color="yellow"
        icon={<IconEyeExclamation size={20} />}
        title="Copy it now: you will not see it again"
      >
        {children}
      </Alert>
      <Paper p="sm" mt="md" bg="var(--plinth-muted-surface)">
        <Group justify="space-between" wrap="nowrap" gap="sm">
          <Text className="plinth-secret" size="sm" data-testid="secret-value" aria-label={label}>
            {value}
          </Text>
          <CopyButton value={value} label={label} size="md" />
        </Group>
      </Paper>
    </>
  );
}
