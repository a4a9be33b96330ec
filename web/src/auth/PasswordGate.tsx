import { Card, Group, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconLockExclamation } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useCurrentUser } from '../app/current-user.js';
import { usePageTitle } from '../components/use-page-title.js';
import { ChangePasswordForm } from './ChangePasswordForm.js';

function ChooseYourPassword() {
  const user = useCurrentUser();
  usePageTitle(['Choose your password']);
  return (
    <Stack maw={560} mx="auto" mt="xl" data-testid="must-change-password">
      <Card p="xl">
        <Group gap="md" mb="md" wrap="nowrap">
          <ThemeIcon size={44} radius="md" variant="light" color="yellow">
            <IconLockExclamation size={24} />
          </ThemeIcon>
          <div>
            <Title order={1} size="h2">
              Choose your own password
            </Title>
            <Text size="sm" c="dimmed">
              Welcome, {user.displayName}.
            </Text>
          </div>
        </Group>
        <Text size="sm" mb="lg">
          You signed in with a one-time password that someone else has seen. Replace it with one only you
          know; Plinth opens the page you asked for right after.
        </Text>
        <ChangePasswordForm />
      </Card>
    </Stack>
  );
}

/**
 * Holds back every page until a person who signed in with a one-time password has chosen their own
 * (the server refuses everything else with AUTH_PASSWORD_CHANGE_REQUIRED until then).
 */
export function PasswordGate({ children }: { children: ReactNode }) {
  const user = useCurrentUser();
  return user.mustChangePassword ? <ChooseYourPassword /> : children;
}
