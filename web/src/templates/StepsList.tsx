import { Group, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconCheck, IconClock, IconLoader2, IconPlayerSkipForward, IconX } from '@tabler/icons-react';
import { StateBadge } from '../components/StateBadge.js';
import { stepStates } from './task-states.js';
import type { StepView } from './template-types.js';

const icons = {
  pending: IconClock,
  running: IconLoader2,
  succeeded: IconCheck,
  failed: IconX,
  skipped: IconPlayerSkipForward,
} as const;
const colors = {
  pending: 'gray',
  running: 'blue',
  succeeded: 'teal',
  failed: 'red',
  skipped: 'gray',
} as const;

/** The steps of a task or a dry run, each with its state, and the error or note it ended with. */
export function StepsList({ steps }: { steps: StepView[] }) {
  return (
    <Stack gap="sm" data-testid="steps">
      {steps.map((step) => {
        const Icon = icons[step.state];
        return (
          <Group
            key={step.id}
            gap="sm"
            wrap="nowrap"
            align="flex-start"
            data-step={step.id}
            data-state={step.state}
          >
            <ThemeIcon size={26} radius="xl" variant="light" color={colors[step.state]} aria-hidden="true">
              <Icon size={15} className={step.state === 'running' ? 'plinth-spin' : undefined} />
            </ThemeIcon>
            <div style={{ minWidth: 0, flex: 1 }}>
              <Group gap="xs" justify="space-between" wrap="nowrap">
                <Text size="sm" fw={500}>
                  {step.name}
                </Text>
                <StateBadge tone={stepStates[step.state].tone} live={step.state === 'running'}>
                  {stepStates[step.state].label}
                </StateBadge>
              </Group>
              <Text size="xs" c="dimmed" ff="monospace">
                {step.action}
              </Text>
              {step.error && (
                <Text size="xs" c="red" mt={2}>
                  {step.error}
                </Text>
              )}
              {!step.error && step.note && (
                <Text size="xs" c="dimmed" mt={2}>
                  {step.note}
                </Text>
              )}
            </div>
          </Group>
        );
      })}
    </Stack>
  );
}
