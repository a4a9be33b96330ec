import { ActionIcon, Box, Card, Group, SegmentedControl, Select, Text, Tooltip } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useCallback, useLayoutEffect, useRef, useState } from 'react';
import { fetchJobLog } from '../../api/job-queries.js';
import type { JobDetail, JobState, LogStream } from '../../api/job-types.js';
import { CopyButton } from '../../components/CopyButton.js';
import { LogStatusLine } from './LogStatusLine.js';
import { useLogChoice } from './log-url.js';
import { useLogStream } from './use-log-stream.js';

/** Props of {@link LogTab}. */
export interface LogTabProps {
  job: JobDetail;
  /** A state the live log reported, so the page can refresh the job. */
  onState: (state: JobState) => void;
}

async function download(job: JobDetail, stream: LogStream, task: number | undefined) {
  const text = await fetchJobLog(job.id, stream, task);
  const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = `${job.name}-${job.id}${task === undefined ? '' : `-task${task}`}.${stream}.log`;
  link.click();
  URL.revokeObjectURL(url);
}

// Within this many pixels of the bottom counts as "at the end": new lines keep the view there.
const AT_END_PX = 32;

function useFollowScroll(text: string) {
  const box = useRef<HTMLDivElement>(null);
  const [paused, setPaused] = useState(false);
  const toEnd = useCallback(() => {
    const el = box.current;
    if (el) el.scrollTop = el.scrollHeight;
    setPaused(false);
  }, []);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the view follows each new piece of text
  useLayoutEffect(() => {
    if (!paused) toEnd();
  }, [text, paused, toEnd]);
  const onScroll = () => {
    const el = box.current;
    if (!el) return;
    setPaused(el.scrollHeight - el.scrollTop - el.clientHeight > AT_END_PX);
  };
  return { box, paused, onScroll, toEnd };
}

function EmptyLog({ ended, stream }: { ended: boolean; stream: LogStream }) {
  return (
    <Text size="sm" c="dimmed" p="md" ff="monospace">
      {ended ? `The job wrote nothing to ${stream}.` : 'Nothing written yet…'}
    </Text>
  );
}

/** The job's stdout or stderr, live while it runs: follows the end unless the reader scrolls up. */
export function LogTab({ job, onState }: LogTabProps) {
  const choice = useLogChoice(job);
  const [attempt, setAttempt] = useState(0);
  const log = useLogStream(job.id, choice.stream, choice.task, onState, attempt);
  const scroll = useFollowScroll(log.text);
  return (
    <Card p={0}>
      <Group
        justify="space-between"
        px="md"
        py="xs"
        gap="sm"
        style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}
      >
        <Group gap="sm" wrap="wrap">
          <SegmentedControl
            size="xs"
            aria-label="Which log"
            value={choice.stream}
            onChange={(v) => choice.set({ stream: v as LogStream })}
            data={[
              { value: 'stdout', label: 'stdout' },
              { value: 'stderr', label: 'stderr' },
            ]}
            data-testid="log-stream"
          />
          {choice.task !== undefined && (
            <Select
              size="xs"
              aria-label="Task"
              w={130}
              data={choice.tasks.map((i) => ({ value: String(i), label: `Task ${i}` }))}
              value={String(choice.task)}
              onChange={(v) => v !== null && choice.set({ task: Number(v) })}
              allowDeselect={false}
              searchable={choice.tasks.length > 12}
            />
          )}
          <LogStatusLine
            job={job}
            status={log.status}
            paused={scroll.paused}
            onJumpToEnd={scroll.toEnd}
            onRetry={() => setAttempt((a) => a + 1)}
          />
        </Group>
        <Group gap={4}>
          <CopyButton value={log.text} label="log" size="md" />
          <Tooltip label="Download the whole log">
            <ActionIcon
              variant="subtle"
              color="gray"
              size="md"
              aria-label="Download the log"
              onClick={() => download(job, choice.stream, choice.task)}
            >
              <IconDownload size={16} />
            </ActionIcon>
          </Tooltip>
        </Group>
      </Group>
      {log.truncated && (
        <Text size="xs" c="dimmed" px="md" pt="xs">
          The start of this long log is left out here; the download has all of it.
        </Text>
      )}
      <Box
        ref={scroll.box}
        onScroll={scroll.onScroll}
        className="plinth-log-box"
        tabIndex={0}
        aria-label={`${choice.stream} of the job`}
      >
        {log.text ? (
          <pre className="plinth-log" data-testid="job-log">
            {log.text}
          </pre>
        ) : (
          <EmptyLog ended={log.status === 'ended'} stream={choice.stream} />
        )}
      </Box>
    </Card>
  );
}
