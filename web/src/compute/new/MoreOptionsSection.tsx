import { Code, Select, TagsInput, Text, TextInput } from '@mantine/core';
import { useCurrentUser } from '../../app/current-user.js';
import { EnvRows } from './EnvRows.js';
import { FormSection } from './FormSection.js';
import type { JobFormSectionProps } from './job-form-context.js';

function TeamSelect({ form }: Pick<JobFormSectionProps, 'form'>) {
  const user = useCurrentUser();
  if (user.teams.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        You are in no team, so the job is yours alone. Jobs of a team are visible to all its members.
      </Text>
    );
  }
  return (
    <Select
      label="Team"
      description="Its members can see and cancel the job."
      data={user.teams.map((t) => ({ value: t.name, label: t.title }))}
      allowDeselect={false}
      w={{ base: '100%', sm: 320 }}
      {...form.getInputProps('team')}
    />
  );
}

/** Array, labels, team and environment: what most jobs leave as it is. */
export function MoreOptionsSection({ form, executor }: JobFormSectionProps) {
  return (
    <FormSection
      title="More options"
      description="Optional: many tasks at once, labels to find jobs by, the team, and the environment."
    >
      {executor?.capabilities.arrays && (
        <TextInput
          label="Array"
          description={
            <>
              Optional. <Code fz="xs">0-9</Code> runs 10 tasks; each reads its index from{' '}
              <Code fz="xs">PLINTH_ARRAY_TASK_ID</Code>. Add <Code fz="xs">%2</Code> to run at most 2 at once.
            </>
          }
          placeholder="0-9"
          classNames={{ input: 'plinth-mono' }}
          styles={{ input: { maxWidth: 260 } }}
          {...form.getInputProps('array')}
        />
      )}
      <TagsInput
        label="Labels"
        description="key=value pairs to find the job by later, e.g. project=alps. Press Enter after each."
        placeholder="project=alps"
        clearable
        {...form.getInputProps('labels')}
      />
      <TeamSelect form={form} />
      <EnvRows form={form} />
    </FormSection>
  );
}
