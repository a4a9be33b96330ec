import { Button, Group, Modal, PasswordInput, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { usePutSecret } from '../../api/services-queries.js';
import type { Secret } from '../../api/services-types.js';
import { ErrorState } from '../../components/ErrorState.js';

/** Stores a new secret, or (given `existing`) a new version of one. */
export function PutSecretDialog({
  opened,
  teams,
  existing,
  onClose,
}: {
  opened: boolean;
  teams: string[];
  existing: Secret | null;
  onClose: () => void;
}) {
  const put = usePutSecret();
  const [team, setTeam] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [value, setValue] = useState('');
  const [description, setDescription] = useState('');
  const [expiresAt, setExpiresAt] = useState('');
  useEffect(() => {
    if (!opened) return;
    put.reset();
    setTeam(existing?.team ?? teams[0] ?? null);
    setName(existing?.name ?? '');
    setValue('');
    setDescription(existing?.description ?? '');
    setExpiresAt(existing?.expiresAt?.slice(0, 10) ?? '');
  }, [opened, existing, teams, put.reset]);
  const validName = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/.test(name);
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={
        <Text fw={600}>{existing ? `New value for ${existing.team}/${existing.name}` : 'Add a secret'}</Text>
      }
      size="lg"
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (!team || !validName || !value) return;
          put.mutate(
            { team, name, value, description, expiresAt: expiresAt || null },
            { onSuccess: () => onClose() },
          );
        }}
      >
        <Stack gap="md">
          <Group grow align="flex-start">
            <Select
              label="Team"
              description="Only its members can read it"
              data={teams}
              value={team}
              onChange={setTeam}
              disabled={existing !== null}
              allowDeselect={false}
            />
            <TextInput
              label="Name"
              description="e.g. DATABASE_PASSWORD"
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              disabled={existing !== null}
              error={name && !validName ? 'Letters, digits, dot, dash and underscore' : undefined}
              required
            />
          </Group>
          <PasswordInput
            label="Value"
            description="Stored encrypted; shown again only after a password check"
            value={value}
            onChange={(e) => setValue(e.currentTarget.value)}
            required
          />
          <Textarea
            label="What it is for"
            autosize
            minRows={2}
            maxLength={500}
            value={description}
            onChange={(e) => setDescription(e.currentTarget.value)}
          />
          <TextInput
            label="Expires"
            description="The team is reminded two weeks before; leave empty for never"
            type="date"
            value={expiresAt}
            onChange={(e) => setExpiresAt(e.currentTarget.value)}
          />
          {put.isError && <ErrorState title="Could not store the secret" error={put.error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={put.isPending} disabled={!team || !validName || !value}>
              {existing ? 'Store new version' : 'Store secret'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
