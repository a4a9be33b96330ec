import { Button, Group, Loader, Text } from '@mantine/core';
import { IconArrowDown, IconCircleCheck, IconPlugConnectedX } from '@tabler/icons-react';
import { isActiveState } from '../../api/job-activity.js';
import type { JobDetail } from '../../api/job-types.js';
import { formatDuration } from '../../components/format.js';
import { useNow } from '../../components/use-now.js';
import type { LogStatus } from './use-log-stream.js';

/** Props of {@link LogStatusLine}. */
export interface LogStatusLineProps {
  job: Pick<JobDetail, 'state' | 'startedAt'>;
  status: LogStatus;
  /** The reader scrolled up, so new lines no longer pull the view down. */
  paused: boolean;
  onJumpToEnd: () => void;
  onRetry: () => void;
}

function Following({ startedAt }: { startedAt: string | null }) {
  const now = useNow(1000);
  return (
    <Group gap={8} wrap="nowrap" data-testid="log-following">
      <span className="plinth-live-dot" style={liveDot} aria-hidden="true" />
      <Text size="sm" c="dimmed" style={{ fontVariantNumeric: 'tabular-nums' }}>
        Following…{' '}
        {startedAt
          ? `running for ${formatDuration((now - Date.parse(startedAt)) / 1000)}`
          : 'waiting for the job to start'}
      </Text>
    </Group>
  );
}

const liveDot = {
  display: 'inline-block',
  width: 8,
  height: 8,
  borderRadius: '50%',
  background: 'currentColor',
  color: 'var(--mantine-color-petrol-filled)',
} as const;

/** Says how the live log stands: following (and for how long the job has run), paused, complete, or cut off. */
export function LogStatusLine({ job, status, paused, onJumpToEnd, onRetry }: LogStatusLineProps) {
  if (status === 'connecting') {
    return (
      <Group gap={8} wrap="nowrap">
        <Loader size={14} />
        <Text size="sm" c="dimmed">
          Opening the log…
        </Text>
      </Group>
    );
  }
  if (status === 'ended' || (!isActiveState(job.state) && status !== 'failed' && status !== 'reconnecting')) {
    return (
      <Group gap={6} wrap="nowrap" data-testid="log-complete">
        <IconCircleCheck size={16} color="var(--mantine-color-teal-filled)" aria-hidden="true" />
        <Text size="sm" c="dimmed">
          {status === 'ended' ? 'Complete: the job has ended' : 'Reading the rest of the log…'}
        </Text>
      </Group>
    );
  }
  if (status === 'reconnecting' || status === 'failed') {
    return (
      <Group gap={8} wrap="nowrap">
        <IconPlugConnectedX size={16} color="var(--mantine-color-yellow-filled)" aria-hidden="true" />
        <Text size="sm" c="dimmed">
          {status === 'failed' ? 'The live log stopped answering.' : 'Connection lost, reconnecting…'}
        </Text>
        {status === 'failed' && (
          <Button size="compact-xs" variant="default" onClick={onRetry}>
            Try again
          </Button>
        )}
      </Group>
    );
  }
  if (paused) {
    return (
      <Group gap={8} wrap="nowrap" data-testid="log-paused">
        <Text size="sm" c="dimmed">
          Paused while you read
        </Text>
        <Button
          size="compact-xs"
          variant="light"
          leftSection={<IconArrowDown size={12} />}
          onClick={onJumpToEnd}
        >
          Jump to the end
        </Button>
      </Group>
    );
  }
  return <Following startedAt={job.startedAt} />;
}
