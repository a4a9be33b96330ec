import { Button, Group, Modal, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useUpdateTeam } from '../api/team-queries.js';
import type { TeamDetail } from '../api/types.js';
import { ErrorState } from '../components/ErrorState.js';

function EditForm({ team, onDone }: { team: TeamDetail; onDone: () => void }) {
  const update = useUpdateTeam(team.name);
  const form = useForm({
    initialValues: { title: team.title, description: team.description },
    validate: { title: (v) => (v.trim() ? null : 'Give the team a title') },
  });
  const submit = form.onSubmit((v) =>
    update.mutate({ title: v.title.trim(), description: v.description.trim() }, { onSuccess: onDone }),
  );
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <TextInput label="Title" data-autofocus {...form.getInputProps('title')} />
        <Textarea
          label="Description"
          autosize
          minRows={2}
          maxRows={6}
          {...form.getInputProps('description')}
        />
        {update.isError && <ErrorState title="Could not save the team" error={update.error} />}
        <Group justify="flex-end">
          <Button type="submit" loading={update.isPending} disabled={!form.isDirty()}>
            Save changes
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Props of {@link EditTeamDialog}. */
export interface EditTeamDialogProps {
  team: TeamDetail;
  opened: boolean;
  onClose: () => void;
}

/** Edits a team's title and description (its short name never changes). */
export function EditTeamDialog({ team, opened, onClose }: EditTeamDialogProps) {
  return (
    <Modal opened={opened} onClose={onClose} size="lg" title={<Text fw={600}>Edit {team.name}</Text>}>
      {opened && <EditForm team={team} onDone={onClose} />}
    </Modal>
  );
}
