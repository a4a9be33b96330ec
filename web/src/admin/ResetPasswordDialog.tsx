import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import type { User } from '../api/types.js';
import { useResetPassword } from '../api/user-queries.js';
import { describeCredentialsEnded } from '../auth/credentials-ended.js';
import { ErrorState } from '../components/ErrorState.js';
import { SecretReveal } from '../components/SecretReveal.js';

/** Props of {@link ResetPasswordDialog}. */
export interface ResetPasswordDialogProps {
  user: User | null;
  onClose: () => void;
}

/** Gives a user a new one-time password after asking, then shows it once. */
export function ResetPasswordDialog({ user, onClose }: ResetPasswordDialogProps) {
  const reset = useResetPassword();
  const close = () => {
    onClose();
    reset.reset();
  };
  return (
    <Modal
      opened={user !== null}
      onClose={close}
      size="lg"
      title={<Text fw={600}>Reset password of {user?.username}</Text>}
    >
      {reset.data ? (
        <Stack gap="md">
          <SecretReveal label="one-time password" value={reset.data.initialPassword}>
            Give it to {user?.displayName} through a private channel. Their old password no longer works; they
            choose a new one at their next sign-in.
          </SecretReveal>
          <Text size="sm">{describeCredentialsEnded(reset.data, false)}</Text>
          <Group justify="flex-end">
            <Button onClick={close}>Done</Button>
          </Group>
        </Stack>
      ) : (
        <Stack gap="md">
          <Text size="sm">
            {user?.displayName} gets a new one-time password and their current password stops working. They
            are signed out everywhere and their API tokens are revoked (unless the operator keeps tokens). Use
            this when someone forgot their password or it may have leaked.
          </Text>
          {reset.isError && <ErrorState title="Could not reset the password" error={reset.error} />}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button color="red" loading={reset.isPending} onClick={() => user && reset.mutate(user.username)}>
              Reset password
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
