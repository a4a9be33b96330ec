import { Group, Text, Tooltip } from '@mantine/core';
import { IconClockExclamation } from '@tabler/icons-react';
import type { Job, JobState } from '../api/job-types.js';
import { formatClock, formatDateTime } from '../components/format.js';
import { StateBadge } from '../components/StateBadge.js';
import { jobStates } from './job-states.js';

/** Props of {@link JobStateBadge}. */
export interface JobStateBadgeProps {
  state: JobState;
  /** The executor has not answered lately: the state is as of `statusAt`. */
  stale?: boolean;
  statusAt?: string | null;
}

/**
 * A job's (or task's) state in words. A running job's dot pulses; a state the scheduler has not
 * confirmed lately says "as of" when it was last confirmed, and why on hover.
 */
export function JobStateBadge({ state, stale = false, statusAt = null }: JobStateBadgeProps) {
  const info = jobStates[state];
  const badge = (
    <StateBadge tone={info.tone} live={state === 'running' && !stale}>
      {info.label}
    </StateBadge>
  );
  if (!stale) return badge;
  const since = statusAt ? formatClock(statusAt) : null;
  return (
    <Group gap={6} wrap="nowrap" data-testid="job-stale">
      {badge}
      <Tooltip
        multiline
        w={280}
        label={`The scheduler is not answering, so this is the state it last reported${
          statusAt ? ` (${formatDateTime(statusAt)})` : ''
        }. Plinth brings it up to date as soon as the scheduler answers again.`}
      >
        <Group gap={3} wrap="nowrap" tabIndex={0} style={{ cursor: 'help' }}>
          <IconClockExclamation size={14} color="var(--mantine-color-yellow-filled)" aria-hidden="true" />
          <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
            {since ? `as of ${since}` : 'not confirmed'}
          </Text>
        </Group>
      </Tooltip>
    </Group>
  );
}

/** The state badge of a whole job. */
export function JobBadge({ job }: { job: Pick<Job, 'state' | 'stale' | 'statusAt'> }) {
  return <JobStateBadge state={job.state} stale={job.stale} statusAt={job.statusAt} />;
}
