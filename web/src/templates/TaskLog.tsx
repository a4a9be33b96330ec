import { Box, Card, Group, Loader, Text } from '@mantine/core';
import { useLayoutEffect, useRef } from 'react';
import { CopyButton } from '../components/CopyButton.js';
import { formatClock } from '../components/format.js';
import type { TaskLogLine } from './template-types.js';
import type { StreamStatus } from './use-task-stream.js';

const statusText: Record<StreamStatus, string> = {
  connecting: 'Connecting…',
  following: 'Live',
  ended: 'Complete',
  reconnecting: 'Connection lost, reconnecting…',
  failed: 'The live log stopped; reload the page to follow again',
};

/** The task's log, live: each line with its time and step, following the end as it grows. */
export function TaskLog({ lines, status }: { lines: TaskLogLine[]; status: StreamStatus }) {
  const box = useRef<HTMLDivElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: each new line scrolls the view to the end
  useLayoutEffect(() => {
    if (box.current) box.current.scrollTop = box.current.scrollHeight;
  }, [lines.length]);
  const text = lines.map((l) => `${l.at} ${l.stepId ? `[${l.stepId}] ` : ''}${l.message}`).join('\n');
  return (
    <Card p={0}>
      <Group
        justify="space-between"
        px="md"
        py="xs"
        style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}
      >
        <Group gap="xs">
          <Text size="sm" fw={600}>
            Log
          </Text>
          {(status === 'connecting' || status === 'following' || status === 'reconnecting') && (
            <Loader size={12} />
          )}
          <Text size="xs" c={status === 'failed' ? 'red' : 'dimmed'} data-testid="log-status">
            {statusText[status]}
          </Text>
        </Group>
        <CopyButton value={text} label="log" />
      </Group>
      <Box ref={box} className="plinth-log-box" tabIndex={0} aria-label="Log of the task">
        {lines.length === 0 ? (
          <Text size="sm" c="dimmed" p="md" ff="monospace">
            {status === 'ended' ? 'The task wrote nothing.' : 'Waiting for the first step…'}
          </Text>
        ) : (
          <pre className="plinth-task-log" data-testid="task-log">
            {lines.map((l) => (
              <div key={l.seq} data-level={l.level}>
                <span className="plinth-task-log-time">{formatClock(l.at)}</span>
                {l.stepId ? `[${l.stepId}] ` : ''}
                {l.message}
              </div>
            ))}
          </pre>
        )}
      </Box>
    </Card>
  );
}
