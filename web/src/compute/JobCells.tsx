import { Group, Text } from '@mantine/core';
import { isActiveState } from '../api/job-activity.js';
import type { Job } from '../api/job-types.js';
import { CopyButton } from '../components/CopyButton.js';
import { formatDuration } from '../components/format.js';
import { useNow } from '../components/use-now.js';

/** How long a job has run, in seconds: to its end, or to `now` while it runs; null before it starts. */
export function runSeconds(
  job: Pick<Job, 'startedAt' | 'endedAt' | 'durationSeconds'>,
  now: number,
): number | null {
  if (!job.startedAt) return null;
  if (job.endedAt) return job.durationSeconds ?? (Date.parse(job.endedAt) - Date.parse(job.startedAt)) / 1000;
  return (now - Date.parse(job.startedAt)) / 1000;
}

/** A job's run time, counting up every second while it runs. */
export function JobDuration({
  job,
  size = 'sm',
}: {
  job: Pick<Job, 'state' | 'startedAt' | 'endedAt' | 'durationSeconds'>;
  size?: 'xs' | 'sm';
}) {
  const running = isActiveState(job.state) && Boolean(job.startedAt) && !job.endedAt;
  const now = useNow(1000, running);
  const seconds = runSeconds(job, now);
  if (seconds === null) {
    return (
      <Text size={size} c="dimmed" span>
        {job.state === 'pending' ? 'Not started' : '—'}
      </Text>
    );
  }
  return (
    <Text
      size={size}
      span
      inherit={size === 'xs'}
      style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}
    >
      {formatDuration(seconds)}
    </Text>
  );
}

/**
 * The end of a job's id, which is enough to tell jobs apart on screen; the copy button copies it whole
 * (the start of an id is its time of creation, the same for jobs submitted together).
 */
export function ShortJobId({ id }: { id: string }) {
  return (
    <Group gap={2} wrap="nowrap">
      <Text size="xs" c="dimmed" ff="monospace" title={id} aria-label={`Job id ${id}`}>
        …{id.slice(-8)}
      </Text>
      <CopyButton value={id} label="job id" />
    </Group>
  );
}
