import { Alert, Button, Group, Text } from '@mantine/core';
import {
  IconAlertTriangle,
  IconCircleCheck,
  IconCircleX,
  IconClockExclamation,
  IconHelpCircle,
} from '@tabler/icons-react';
import { Link } from 'react-router';
import { isActiveState } from '../../api/job-activity.js';
import type { JobDetail, JobState } from '../../api/job-types.js';
import { formatClock } from '../../components/format.js';

const looks: Record<
  Exclude<JobState, 'pending' | 'running'>,
  { color: string; icon: typeof IconCircleCheck }
> = {
  succeeded: { color: 'teal', icon: IconCircleCheck },
  failed: { color: 'red', icon: IconCircleX },
  cancelled: { color: 'gray', icon: IconCircleX },
  timeout: { color: 'yellow', icon: IconClockExclamation },
  lost: { color: 'yellow', icon: IconHelpCircle },
};

/** Link to the job's stderr on the Log tab. */
function stderrLink(): string {
  return '?tab=log&stream=stderr';
}

/** For an ended job, why it ended in plain words, large enough to be read first. */
export function WhyItEnded({ job }: { job: JobDetail }) {
  if (isActiveState(job.state)) {
    if (!job.stale) return null;
    return (
      <Alert
        variant="light"
        color="yellow"
        icon={<IconAlertTriangle size={20} />}
        mb="lg"
        title="The scheduler is not answering"
      >
        This job’s state is as of {job.statusAt ? formatClock(job.statusAt) : 'its last report'}. Plinth
        brings it up to date as soon as the {job.executor} executor answers again; nothing needs doing.
      </Alert>
    );
  }
  const look = looks[job.state as keyof typeof looks];
  const Icon = look.icon;
  return (
    <Alert
      variant="light"
      color={look.color}
      icon={<Icon size={22} />}
      mb="lg"
      title="Why it ended"
      data-testid="why-it-ended"
      styles={{ title: { fontSize: 'var(--mantine-font-size-md)' } }}
    >
      <Group justify="space-between" align="flex-end" gap="sm">
        <Text size="md">{job.explanation ?? 'The executor gave no reason.'}</Text>
        {(job.state === 'failed' || job.state === 'timeout') && (
          <Button component={Link} to={stderrLink()} size="xs" variant="white" color={look.color}>
            Read stderr
          </Button>
        )}
      </Group>
    </Alert>
  );
}
