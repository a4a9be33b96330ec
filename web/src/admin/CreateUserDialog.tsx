import { Button, Group, Modal, MultiSelect, Select, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTeams } from '../api/team-queries.js';
import type { CreatedUserResult, CreateUserInput, Role } from '../api/types.js';
import { useCreateUser } from '../api/user-queries.js';
import { applyFieldProblems } from '../components/apply-field-problems.js';
import { ErrorState } from '../components/ErrorState.js';
import { SecretReveal } from '../components/SecretReveal.js';
import { checkDisplayName, checkEmail, checkUsername } from './user-rules.js';
import { roleChoices } from './user-state.js';

const fields = ['username', 'displayName', 'email', 'role', 'teams'] as const;

const initialValues = { username: '', displayName: '', email: '', role: 'member', teams: [] as string[] };

function toCreateInput(v: typeof initialValues): CreateUserInput {
  return {
    username: v.username,
    displayName: v.displayName.trim(),
    role: v.role as Role,
    teams: v.teams,
    ...(v.email ? { email: v.email.trim() } : {}),
  };
}

function CreateForm({ onCreated }: { onCreated: (result: CreatedUserResult) => void }) {
  const create = useCreateUser();
  const teams = useTeams();
  const form = useForm({
    initialValues,
    validateInputOnChange: ['username', 'email'],
    validate: { username: checkUsername, displayName: checkDisplayName, email: checkEmail },
  });
  const onError = (error: unknown) => applyFieldProblems(error, fields, form.setFieldError);
  const submit = form.onSubmit((v) => create.mutate(toCreateInput(v), { onSuccess: onCreated, onError }));
  const teamChoices = (teams.data?.items ?? []).map((t) => ({ value: t.name, label: t.title }));
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <TextInput
          label="Username"
          description="What they type to sign in. Lower-case letters, digits, dots, dashes; it cannot change later."
          data-autofocus
          {...form.getInputProps('username')}
        />
        <TextInput
          label="Display name"
          description="Their name as colleagues know it."
          {...form.getInputProps('displayName')}
        />
        <TextInput
          label="Email"
          description="Optional. Used for notifications."
          {...form.getInputProps('email')}
        />
        <Select label="Role" data={roleChoices} allowDeselect={false} {...form.getInputProps('role')} />
        <MultiSelect
          label="Teams"
          description={
            teamChoices.length ? 'Optional. You can add them to teams later too.' : 'No teams exist yet.'
          }
          data={teamChoices}
          searchable
          disabled={teamChoices.length === 0}
          {...form.getInputProps('teams')}
        />
        {create.isError && <ErrorState title="Could not create the user" error={create.error} />}
        <Group justify="flex-end">
          <Button type="submit" loading={create.isPending}>
            Create user
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function Created({ result, onDone }: { result: CreatedUserResult; onDone: () => void }) {
  return (
    <Stack gap="md">
      <Text size="sm">
        <b>{result.user.displayName}</b> can now sign in as <b>{result.user.username}</b>.
      </Text>
      {result.initialPassword ? (
        <SecretReveal label="one-time password" value={result.initialPassword}>
          Give this one-time password to {result.user.displayName} in person or through a private channel.
          They choose their own at their first sign-in.
        </SecretReveal>
      ) : null}
      <Group justify="flex-end">
        <Button onClick={onDone}>Done</Button>
      </Group>
    </Stack>
  );
}

/** Props of {@link CreateUserDialog}. */
export interface CreateUserDialogProps {
  opened: boolean;
  onClose: () => void;
}

/** Creates a user and shows their generated one-time password, once. */
export function CreateUserDialog({ opened, onClose }: CreateUserDialogProps) {
  const [created, setCreated] = useState<CreatedUserResult | null>(null);
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      onExitTransitionEnd={() => setCreated(null)}
      size="lg"
      title={<Text fw={600}>{created ? 'User created' : 'Create a user'}</Text>}
    >
      {created ? <Created result={created} onDone={onClose} /> : <CreateForm onCreated={setCreated} />}
    </Modal>
  );
}
