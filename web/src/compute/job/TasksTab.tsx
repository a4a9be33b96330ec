import { Button, Card, Table, Text } from '@mantine/core';
import { IconFileText } from '@tabler/icons-react';
import { Link, useLocation } from 'react-router';
import type { JobDetail, JobTask } from '../../api/job-types.js';
import { TimeText } from '../../components/TimeText.js';
import { JobDuration } from '../JobCells.js';
import { JobStateBadge } from '../JobStateBadge.js';
import { taskIndices } from './log-url.js';

function logLink(search: string, index: number): string {
  const params = new URLSearchParams(search);
  params.delete('tab');
  params.set('task', String(index));
  return `?${params}`;
}

function TaskRow({ task, search }: { task: JobTask; search: string }) {
  return (
    <Table.Tr data-task={task.index}>
      <Table.Td>
        <Text size="sm" ff="monospace">
          {task.index}
        </Text>
      </Table.Td>
      <Table.Td>
        <JobStateBadge state={task.state} />
      </Table.Td>
      <Table.Td>
        <Text size="sm" c={task.exitCode === null ? 'dimmed' : undefined}>
          {task.exitCode ?? '—'}
        </Text>
      </Table.Td>
      <Table.Td>
        <TimeText value={task.startedAt} empty="Not started" />
      </Table.Td>
      <Table.Td>
        <JobDuration job={{ ...task, durationSeconds: null }} />
      </Table.Td>
      <Table.Td>
        <Button
          component={Link}
          to={logLink(search, task.index)}
          variant="subtle"
          size="compact-sm"
          leftSection={<IconFileText size={14} />}
          aria-label={`Open the log of task ${task.index}`}
        >
          Log
        </Button>
      </Table.Td>
    </Table.Tr>
  );
}

/** The tasks of an array job with their states; each opens its own log. */
export function TasksTab({ job }: { job: JobDetail }) {
  const { search } = useLocation();
  // Until the executor first reports, the tasks are known only from the range, all pending.
  const tasks: JobTask[] =
    job.tasks ??
    taskIndices(job).map((index) => ({
      index,
      state: 'pending',
      exitCode: null,
      startedAt: null,
      endedAt: null,
    }));
  const ended = tasks.filter((t) => t.state !== 'pending' && t.state !== 'running').length;
  return (
    <Card p={0}>
      <Text
        size="sm"
        c="dimmed"
        px="md"
        py="xs"
        style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}
        data-testid="tasks-summary"
      >
        {tasks.length} tasks, {ended} ended. Each reads its index from PLINTH_ARRAY_TASK_ID.
      </Text>
      <Table.ScrollContainer minWidth={640}>
        <Table highlightOnHover data-testid="task-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={80}>Task</Table.Th>
              <Table.Th>State</Table.Th>
              <Table.Th>Exit code</Table.Th>
              <Table.Th>Started</Table.Th>
              <Table.Th>Duration</Table.Th>
              <Table.Th w={100} aria-label="Actions" />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {tasks.map((task) => (
              <TaskRow key={task.index} task={task} search={search} />
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}
