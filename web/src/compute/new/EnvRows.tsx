import { ActionIcon, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import type { JobFormSectionProps } from './job-form-context.js';
import { envRow } from './job-form-model.js';

/** Environment variables of the job as name/value rows. */
export function EnvRows({ form }: Pick<JobFormSectionProps, 'form'>) {
  const rows = form.values.env;
  const listError = form.errors.env;
  return (
    <Stack gap={6}>
      <div>
        <Text size="sm" fw={500}>
          Environment variables
        </Text>
        <Text size="xs" c="dimmed">
          Optional. The job starts with a clean environment (PATH, HOME, LANG…) plus these.
        </Text>
      </div>
      {rows.map((row, index) => (
        <Group key={row.id} gap="xs" align="flex-start" wrap="nowrap" data-testid="env-row">
          <TextInput
            aria-label={`Name of variable ${index + 1}`}
            placeholder="OMP_NUM_THREADS"
            w={220}
            classNames={{ input: 'plinth-mono' }}
            {...form.getInputProps(`env.${index}.key`)}
          />
          <Text c="dimmed" mt={6} aria-hidden="true">
            =
          </Text>
          <TextInput
            aria-label={`Value of variable ${index + 1}`}
            placeholder="8"
            style={{ flex: 1 }}
            classNames={{ input: 'plinth-mono' }}
            {...form.getInputProps(`env.${index}.value`)}
          />
          <ActionIcon
            variant="subtle"
            color="gray"
            size="lg"
            aria-label={`Remove variable ${index + 1}`}
            onClick={() => {
              form.removeListItem('env', index);
              form.clearFieldError('env');
            }}
          >
            <IconTrash size={16} />
          </ActionIcon>
        </Group>
      ))}
      {listError && (
        <Text size="xs" c="red" role="alert">
          {listError}
        </Text>
      )}
      <Button
        variant="default"
        size="xs"
        w="fit-content"
        leftSection={<IconPlus size={14} />}
        onClick={() => {
          form.insertListItem('env', envRow());
          form.clearFieldError('env');
        }}
      >
        Add variable
      </Button>
    </Stack>
  );
}
