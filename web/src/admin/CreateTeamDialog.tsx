import { Button, Group, Modal, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useCreateTeam } from '../api/team-queries.js';
import type { CreateTeamInput, Team } from '../api/types.js';
import { applyFieldProblems } from '../components/apply-field-problems.js';
import { ErrorState } from '../components/ErrorState.js';

// Mirrors TeamName in src/auth/schemas.ts so the rule shows while typing; the server checks it again.
const teamNamePattern = /^[a-z][a-z0-9-]{0,61}[a-z0-9]$/;

function checkTeamName(value: string): string | null {
  if (!value) return 'Choose a short name';
  if (!/^[a-z]/.test(value)) return 'Start with a lower-case letter';
  return teamNamePattern.test(value)
    ? null
    : 'Use 2-63 lower-case letters, digits and dashes; end with a letter or digit';
}

/** Suggests a name from a title: "Protein Folding" → "protein-folding". */
function slugify(title: string): string {
  return title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^[^a-z]+|-+$/g, '')
    .slice(0, 63);
}

/** Props of {@link CreateTeamDialog}. */
export interface CreateTeamDialogProps {
  opened: boolean;
  onClose: () => void;
  onCreated: (team: Team) => void;
}

const initialValues = { title: '', name: '', description: '' };

function useTeamForm() {
  const form = useForm({
    initialValues,
    validateInputOnChange: ['name'],
    validate: { title: (v) => (v.trim() ? null : 'Give the team a title'), name: checkTeamName },
    // The short name follows the title until someone edits it by hand.
    onValuesChange: (values, previous) => {
      const following = !form.isDirty('name') || values.name === slugify(previous.title);
      if (values.title !== previous.title && following) form.setFieldValue('name', slugify(values.title));
    },
  });
  return form;
}

function toCreateInput(v: typeof initialValues): CreateTeamInput {
  const description = v.description.trim();
  return { name: v.name, title: v.title.trim(), ...(description ? { description } : {}) };
}

/** Creates a team: a title people read and a short name for URLs, the CLI and the catalog. */
export function CreateTeamDialog({ opened, onClose, onCreated }: CreateTeamDialogProps) {
  const create = useCreateTeam();
  const form = useTeamForm();
  const close = () => {
    onClose();
    form.reset();
    create.reset();
  };
  const onSuccess = (team: Team) => {
    close();
    onCreated(team);
  };
  const onError = (error: unknown) =>
    applyFieldProblems(error, ['name', 'title', 'description'], form.setFieldError);
  const submit = form.onSubmit((v) => create.mutate(toCreateInput(v), { onSuccess, onError }));
  return (
    <Modal opened={opened} onClose={close} size="lg" title={<Text fw={600}>Create a team</Text>}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <TextInput
            label="Title"
            description="How people call the team: “Protein Folding”."
            data-autofocus
            {...form.getInputProps('title')}
          />
          <TextInput
            label="Short name"
            description="Used in URLs, the CLI and catalog ownership: “protein-folding”. It cannot change later."
            {...form.getInputProps('name')}
          />
          <Textarea
            label="Description"
            description="Optional. What the team works on, so others know whom to ask."
            autosize
            minRows={2}
            maxRows={6}
            {...form.getInputProps('description')}
          />
          {create.isError && <ErrorState title="Could not create the team" error={create.error} />}
          <Group justify="flex-end">
            <Button type="submit" loading={create.isPending}>
              Create team
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
