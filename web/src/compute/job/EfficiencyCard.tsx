import { Card, Group, List, Progress, SimpleGrid, Text, ThemeIcon, Title } from '@mantine/core';
import { IconBulb } from '@tabler/icons-react';
import type { JobDetail } from '../../api/job-types.js';

/** What an executor reports of a finished job's use of what it asked for (Slurm: from accounting). */
interface Efficiency {
  cpuPercent: number | null;
  memoryPercent: number | null;
  timePercent: number | null;
  advice: string[];
}

function efficiencyOf(usage: unknown): Efficiency | null {
  if (typeof usage !== 'object' || usage === null) return null;
  const found = (usage as { efficiency?: Efficiency }).efficiency;
  return found && Array.isArray(found.advice) ? found : null;
}

/** Colour says "wasteful" or "tight"; the number and the words say it too. */
function colorOf(percent: number): string {
  if (percent < 25) return 'yellow';
  if (percent > 95) return 'orange';
  return 'teal';
}

function Meter({ label, percent, hint }: { label: string; percent: number | null; hint: string }) {
  return (
    <div>
      <Group justify="space-between" mb={4}>
        <Text size="sm" fw={600}>
          {label}
        </Text>
        <Text
          size="sm"
          c={percent === null ? 'dimmed' : undefined}
          data-testid={`efficiency-${label.toLowerCase()}`}
        >
          {percent === null ? 'not reported' : `${percent}%`}
        </Text>
      </Group>
      <Progress
        value={Math.min(100, percent ?? 0)}
        color={percent === null ? 'gray' : colorOf(percent)}
        aria-label={`${label} efficiency`}
        size="md"
      />
      <Text size="xs" c="dimmed" mt={4}>
        {hint}
      </Text>
    </div>
  );
}

/** For a finished job, how much of the CPUs, memory and time it asked for it used, with advice. */
export function EfficiencyCard({ job }: { job: JobDetail }) {
  const found = efficiencyOf(job.usage);
  if (!found) return null;
  return (
    <Card p="lg" mb="lg" data-testid="job-efficiency">
      <Title order={2} size="h4" mb="md">
        Efficiency
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="lg">
        <Meter label="CPU" percent={found.cpuPercent} hint="CPU time used of CPUs × run time" />
        <Meter label="Memory" percent={found.memoryPercent} hint="Peak memory of what it asked for" />
        <Meter label="Time" percent={found.timePercent} hint="Run time of its time limit" />
      </SimpleGrid>
      {found.advice.length > 0 && (
        <List
          mt="lg"
          spacing="xs"
          size="sm"
          icon={
            <ThemeIcon color="yellow" variant="light" size={22} radius="xl">
              <IconBulb size={14} />
            </ThemeIcon>
          }
          data-testid="efficiency-advice"
        >
          {found.advice.map((line) => (
            <List.Item key={line}>{line}</List.Item>
          ))}
        </List>
      )}
    </Card>
  );
}
