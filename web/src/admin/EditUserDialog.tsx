import { Button, Group, Modal, Select, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import type { Role, User } from '../api/types.js';
import { useUpdateUser } from '../api/user-queries.js';
import { applyFieldProblems } from '../components/apply-field-problems.js';
import { ErrorState } from '../components/ErrorState.js';
import { checkDisplayName, checkEmail } from './user-rules.js';
import { roleChoices } from './user-state.js';

const fields = ['displayName', 'email', 'role', 'disabled'] as const;

function EditForm({ user, onDone }: { user: User; onDone: () => void }) {
  const update = useUpdateUser();
  const form = useForm({
    initialValues: {
      displayName: user.displayName,
      email: user.email ?? '',
      role: user.role,
      disabled: user.disabled,
    },
    validateInputOnChange: ['email', 'displayName'],
    validate: { displayName: checkDisplayName, email: checkEmail },
  });
  const submit = form.onSubmit((v) =>
    update.mutate(
      {
        username: user.username,
        patch: {
          displayName: v.displayName.trim(),
          email: v.email.trim() || null,
          role: v.role as Role,
          disabled: v.disabled,
        },
      },
      { onSuccess: onDone, onError: (error) => applyFieldProblems(error, fields, form.setFieldError) },
    ),
  );
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <TextInput label="Display name" data-autofocus {...form.getInputProps('displayName')} />
        <TextInput
          label="Email"
          description="Optional. Leave empty to remove it."
          {...form.getInputProps('email')}
        />
        <Select label="Role" data={roleChoices} allowDeselect={false} {...form.getInputProps('role')} />
        <Switch
          label="Disabled"
          description="A disabled account cannot sign in, and its API tokens stop working."
          {...form.getInputProps('disabled', { type: 'checkbox' })}
        />
        {update.isError && <ErrorState title="Could not save the changes" error={update.error} />}
        <Group justify="flex-end">
          <Button type="submit" loading={update.isPending} disabled={!form.isDirty()}>
            Save changes
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Props of {@link EditUserDialog}. */
export interface EditUserDialogProps {
  user: User | null;
  onClose: () => void;
}

/** Edits a user's name, email, role and whether they may sign in. */
export function EditUserDialog({ user, onClose }: EditUserDialogProps) {
  return (
    <Modal
      opened={user !== null}
      onClose={onClose}
      size="lg"
      title={<Text fw={600}>Edit {user?.username}</Text>}
    >
      {user && <EditForm key={user.id} user={user} onDone={onClose} />}
    </Modal>
  );
}
