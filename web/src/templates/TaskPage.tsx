import { Alert, Box, Button, Card, Code, Grid, Group, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconRefresh } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { paths, templateHref } from '../app/routes.js';
import { CopyButton } from '../components/CopyButton.js';
import { ErrorState } from '../components/ErrorState.js';
import { LoadingSkeleton } from '../components/LoadingSkeleton.js';
import { PageHeader } from '../components/PageHeader.js';
import { StateBadge } from '../components/StateBadge.js';
import { TimeText } from '../components/TimeText.js';
import { ChecksList } from './ChecksList.js';
import { StepsList } from './StepsList.js';
import { TaskLog } from './TaskLog.js';
import { TaskOutputs } from './TaskOutputs.js';
import { taskStates } from './task-states.js';
import { useRerunTask, useSetTask, useTask } from './template-queries.js';
import type { Task } from './template-types.js';
import { useTaskStream } from './use-task-stream.js';

const trail = [
  { label: 'Templates', href: paths.templates },
  { label: 'Task history', href: paths.tasks },
];

/** One task: each step's state, the live log, the policy checks, and the outputs at the end. */
export function TaskPage() {
  const { id = '' } = useParams();
  const task = useTask(id);
  const setTask = useSetTask();
  const [attempt, setAttempt] = useState(0);
  const stream = useTaskStream(id, setTask, attempt);
  const rerun = useRerunTask();
  if (task.isError) {
    return (
      <Box>
        <PageHeader title="Task" trail={trail} />
        <ErrorState title="Could not load this task" error={task.error} onRetry={() => task.refetch()} />
      </Box>
    );
  }
  if (task.isPending) {
    return (
      <Box>
        <PageHeader title="Task" trail={trail} />
        <LoadingSkeleton variant="cards" rows={2} />
      </Box>
    );
  }
  const t: Task = task.data;
  const state = taskStates[t.state];
  const again = () => rerun.mutate(t.id, { onSuccess: () => setAttempt((a) => a + 1) });
  return (
    <Box>
      <PageHeader
        title={t.templateTitle}
        trail={trail}
        badge={
          <span data-testid="task-state">
            <StateBadge tone={state.tone} live={t.state === 'running'}>
              {state.label}
            </StateBadge>
          </span>
        }
        description={
          <>
            Started <TimeText value={t.createdAt} /> by {t.owner}
            {t.attempt > 1 ? ` · attempt ${t.attempt}` : ''} · task <Code>{t.id}</Code>{' '}
            <CopyButton value={t.id} label="task id" />
          </>
        }
        actions={
          <Button component={Link} to={templateHref(t.templateRef)} variant="default">
            Use this template again
          </Button>
        }
      />
      <Stack gap="lg">
        {t.state === 'failed' && t.error && (
          <Alert
            color="red"
            variant="light"
            icon={<IconAlertTriangle size={18} />}
            title="The task failed"
            data-testid="task-error"
          >
            <Stack gap="xs">
              <Text size="sm">{t.error.message}</Text>
              <Group justify="space-between">
                <Text size="xs" c="dimmed" ff="monospace">
                  {t.error.code}
                </Text>
                <Button
                  size="xs"
                  leftSection={<IconRefresh size={14} />}
                  loading={rerun.isPending}
                  onClick={again}
                >
                  Run again
                </Button>
              </Group>
            </Stack>
          </Alert>
        )}
        {t.state === 'succeeded' && t.output.length > 0 && (
          <Card>
            <Title order={2} size="h5" mb="sm">
              Your new project is ready
            </Title>
            <TaskOutputs output={t.output} />
          </Card>
        )}
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, lg: 4 }}>
            <Stack gap="lg">
              <Card>
                <Title order={2} size="h5" mb="sm">
                  Steps
                </Title>
                <StepsList steps={t.steps} />
              </Card>
              <Card>
                <Title order={2} size="h5" mb="sm">
                  Policy checks
                </Title>
                <ChecksList checks={t.checks} />
              </Card>
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 8 }}>
            <TaskLog lines={stream.lines} status={stream.status} />
          </Grid.Col>
        </Grid>
      </Stack>
    </Box>
  );
}
