import { Alert, Button, Card, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { IconCheck, IconLock } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { usePutSecret, useSecrets } from '../../api/services-queries.js';
import { paths } from '../../app/routes.js';
import { ErrorState } from '../../components/ErrorState.js';

/** Keeps a generated value in one of the person's team vaults, so the team can read it later. */
export function StoreInVault({
  value,
  what = 'it',
  placeholder = 'DATABASE_PASSWORD',
}: {
  value: string;
  what?: string;
  placeholder?: string;
}) {
  const secrets = useSecrets({});
  const put = usePutSecret();
  const teams = secrets.data?.teams ?? [];
  const [team, setTeam] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [expiresAt, setExpiresAt] = useState('');
  if (secrets.isError || teams.length === 0) return null;
  const chosen = team ?? teams[0] ?? null;
  if (put.isSuccess) {
    return (
      <Alert color="teal" icon={<IconCheck size={18} />} title="Stored in the team vault">
        {put.data.team}/{put.data.name}, version {put.data.version}.{' '}
        <Link to={`${paths.vault}?team=${put.data.team}`}>Open the vault</Link>
      </Alert>
    );
  }
  const validName = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/.test(name);
  return (
    <Card withBorder padding="md" bg="var(--plinth-muted-surface)">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (chosen && validName)
            put.mutate({ team: chosen, name, value, expiresAt: expiresAt || undefined });
        }}
      >
        <Stack gap="sm">
          <Group gap="xs">
            <IconLock size={16} />
            <Text size="sm" fw={600}>
              Keep {what} in your team’s vault
            </Text>
          </Group>
          <Group grow align="flex-start">
            <Select label="Team" data={teams} value={chosen} onChange={setTeam} allowDeselect={false} />
            <TextInput
              label="Name"
              placeholder={placeholder}
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              error={name && !validName ? 'Letters, digits, . _ -' : undefined}
            />
            <TextInput
              label="Expires (optional)"
              type="date"
              value={expiresAt}
              onChange={(e) => setExpiresAt(e.currentTarget.value)}
            />
          </Group>
          {put.isError && <ErrorState title="Could not store it" error={put.error} />}
          <Group justify="flex-end">
            <Button type="submit" variant="light" loading={put.isPending} disabled={!validName}>
              Store in {chosen}’s vault
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
