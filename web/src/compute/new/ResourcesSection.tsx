import { Group, NumberInput, Radio, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { FormSection } from './FormSection.js';
import type { JobFormSectionProps } from './job-form-context.js';
import { PartitionField } from './PartitionField.js';
import { type PresetName, presets } from './resource-presets.js';

function PresetCard({ value, label, lines }: { value: string; label: string; lines: string[] }) {
  return (
    <Radio.Card value={value} p="sm" radius="md" className="plinth-preset" data-testid={`preset-${value}`}>
      <Group gap="sm" align="flex-start" wrap="nowrap">
        <Radio.Indicator size="sm" mt={2} />
        <Stack gap={0}>
          <Text size="sm" fw={600}>
            {label}
          </Text>
          {lines.map((line) => (
            <Text key={line} size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
              {line}
            </Text>
          ))}
        </Stack>
      </Group>
    </Radio.Card>
  );
}

function PresetChoice({ form }: Pick<JobFormSectionProps, 'form'>) {
  const choose = (name: string) => {
    const preset = presets.find((p) => p.name === name);
    if (preset) form.setValues({ ...preset.values, preset: preset.name });
    else form.setFieldValue('preset', name as PresetName);
  };
  return (
    <Radio.Group label="Size" value={form.values.preset} onChange={choose} data-testid="job-preset">
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="xs" mt={6}>
        {presets.map((p) => (
          <PresetCard key={p.name} value={p.name} label={p.label} lines={p.summary.split(' · ')} />
        ))}
        <PresetCard value="custom" label="Custom" lines={['your own', 'numbers']} />
      </SimpleGrid>
    </Radio.Group>
  );
}

function TimeLimit({ form }: Pick<JobFormSectionProps, 'form'>) {
  const error = form.errors.timeHours;
  const unit = (text: string) => (
    <Text size="xs" c="dimmed">
      {text}
    </Text>
  );
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500} id="job-time-label">
        Time limit
      </Text>
      <Group gap="xs" wrap="nowrap" role="group" aria-labelledby="job-time-label">
        <NumberInput
          aria-label="Time limit, hours"
          min={0}
          allowDecimal={false}
          hideControls
          w={120}
          rightSection={unit('hours')}
          rightSectionWidth={52}
          {...form.getInputProps('timeHours')}
          error={Boolean(error)}
        />
        <NumberInput
          aria-label="Time limit, minutes"
          min={0}
          max={59}
          allowDecimal={false}
          hideControls
          w={120}
          rightSection={unit('min')}
          rightSectionWidth={40}
          {...form.getInputProps('timeMinutes')}
          error={Boolean(error)}
        />
      </Group>
      <Text size="xs" c={error ? 'red' : 'dimmed'} role={error ? 'alert' : undefined}>
        {error ?? 'A job still running after this is stopped and ends as “Timed out”.'}
      </Text>
    </Stack>
  );
}

/** A size preset, and the fields it fills: CPUs, memory, GPUs where there are any, time limit, partition. */
export function ResourcesSection({ form, executor }: JobFormSectionProps) {
  const gpus = executor?.capabilities.gpus ?? false;
  const hasGpus = gpus && typeof form.values.gpus === 'number' && form.values.gpus > 0;
  return (
    <FormSection
      title="Resources"
      description="What the job may use. Too little ends it early; far too much can keep it waiting for a slot."
    >
      <PresetChoice form={form} />
      <SimpleGrid cols={{ base: 1, xs: 2, sm: gpus ? 3 : 2 }} spacing="md">
        <NumberInput
          label="CPUs"
          description="Cores per task"
          min={1}
          max={4096}
          allowDecimal={false}
          hideControls
          {...form.getInputProps('cpus')}
        />
        <NumberInput
          label="Memory"
          description="Per task, in GB"
          min={0}
          decimalScale={2}
          hideControls
          rightSection={
            <Text size="xs" c="dimmed">
              GB
            </Text>
          }
          {...form.getInputProps('memoryGb')}
        />
        {gpus && (
          <NumberInput
            label="GPUs"
            description="Per task"
            min={0}
            max={64}
            allowDecimal={false}
            hideControls
            {...form.getInputProps('gpus')}
          />
        )}
      </SimpleGrid>
      {hasGpus && (
        <TextInput
          label="GPU type"
          description="Optional, e.g. a100; any type when empty"
          w={{ base: '100%', sm: 260 }}
          {...form.getInputProps('gpuType')}
        />
      )}
      <TimeLimit form={form} />
      <PartitionField form={form} executor={executor} />
    </FormSection>
  );
}
