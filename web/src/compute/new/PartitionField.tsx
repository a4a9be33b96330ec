import { Alert, Select, Text, TextInput } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { usePartitions } from '../../api/job-queries.js';
import type { JobFormSectionProps } from './job-form-context.js';
import { specFromValues } from './job-form-model.js';
import { describeLimits, overLimits, partitionFor } from './partition-limits.js';

function LimitWarnings({ form, executor }: JobFormSectionProps) {
  const partitions = usePartitions(executor?.name);
  const partition = partitionFor(partitions.data?.items ?? [], form.values.partition);
  if (!partition) return null;
  const problems = overLimits(specFromValues(form.values, executor).resources, partition);
  if (problems.length === 0) return null;
  return (
    <Alert
      variant="light"
      color="yellow"
      icon={<IconAlertTriangle size={18} />}
      p="sm"
      data-testid="partition-limits"
    >
      {problems.map((p) => (
        <Text key={p} size="sm">
          {p}
        </Text>
      ))}
    </Alert>
  );
}

/**
 * The partition (queue) to run in, offered only where there is a choice: a list of the executor's
 * partitions with their limits, or a free field when they could not be read.
 */
function PartitionChoice({ form, executor }: JobFormSectionProps) {
  const partitions = usePartitions(executor?.name);
  if (partitions.isError) {
    return (
      <TextInput
        label="Partition"
        description={`Optional. The partitions of ${executor?.name ?? 'this executor'} could not be read just now; type one, or leave it empty for the default.`}
        w={{ base: '100%', sm: 320 }}
        {...form.getInputProps('partition')}
      />
    );
  }
  const items = partitions.data?.items ?? [];
  // One partition (or none) is no choice: the job goes there, and the limits still warn.
  if (items.length <= 1) return null;
  const chosen = partitionFor(items, form.values.partition);
  const fallback = items.find((p) => p.isDefault);
  return (
    <Select
      label="Partition"
      description={chosen ? `${chosen.name}: ${describeLimits(chosen)}` : 'The queue the job waits in'}
      placeholder={fallback ? `Default: ${fallback.name}` : 'The executor’s default'}
      data={items.map((p) => ({
        value: p.name,
        label: `${p.name}${p.isDefault ? ' (default)' : ''}${p.state === 'up' ? '' : ` — ${p.state}`}`,
        disabled: p.state !== 'up',
      }))}
      clearable
      searchable={items.length > 8}
      w={{ base: '100%', sm: 420 }}
      {...form.getInputProps('partition')}
      value={form.values.partition || null}
      onChange={(v) => form.setFieldValue('partition', v ?? '')}
    />
  );
}

/** The partition choice and the warnings of what goes beyond its limits. */
export function PartitionField(props: JobFormSectionProps) {
  return (
    <>
      <PartitionChoice {...props} />
      <LimitWarnings {...props} />
    </>
  );
}
