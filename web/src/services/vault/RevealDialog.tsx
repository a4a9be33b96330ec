import { Button, Group, Modal, PasswordInput, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useRevealSecret } from '../../api/services-queries.js';
import type { Secret } from '../../api/services-types.js';
import { ErrorState } from '../../components/ErrorState.js';
import { SecretReveal } from '../../components/SecretReveal.js';

/** Asks for the person's password, then shows the value until the dialog closes (nothing is cached). */
export function RevealDialog({ secret, onClose }: { secret: Secret | null; onClose: () => void }) {
  const reveal = useRevealSecret();
  const [password, setPassword] = useState('');
  const close = () => {
    reveal.reset();
    setPassword('');
    onClose();
  };
  const label = secret ? `${secret.team}/${secret.name}` : '';
  return (
    <Modal opened={secret !== null} onClose={close} title={<Text fw={600}>Reveal {label}</Text>} size="lg">
      {reveal.data ? (
        <Stack gap="md">
          <SecretReveal label={label} value={reveal.data.value}>
            This read is in the audit log. Close this dialog when you are done; the value is not kept in the
            page.
          </SecretReveal>
          <Group justify="flex-end">
            <Button onClick={close}>Done</Button>
          </Group>
        </Stack>
      ) : (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (secret) reveal.mutate({ team: secret.team, name: secret.name, password });
          }}
        >
          <Stack gap="md">
            <Text size="sm">Confirm it is you: type your Plinth password to see this secret.</Text>
            <PasswordInput
              label="Your password"
              autoComplete="current-password"
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
              data-autofocus
              required
            />
            {reveal.isError && <ErrorState title="Could not reveal it" error={reveal.error} />}
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                Cancel
              </Button>
              <Button type="submit" loading={reveal.isPending} disabled={!password}>
                Reveal secret
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
