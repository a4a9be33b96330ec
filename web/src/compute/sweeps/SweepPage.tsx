import { Alert, Box, Button, Card, Code, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconPlayerStop, IconSearchOff, IconTrophy } from '@tabler/icons-react';
import { lazy, Suspense, useState } from 'react';
import { Link, useParams } from 'react-router';
import { isApiError } from '../../api/api-error.js';
import { useStopSweep, useSweep } from '../../api/sweep-queries.js';
import { type SweepDetail, specOf } from '../../api/sweep-types.js';
import { paths } from '../../app/routes.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { CopyButton } from '../../components/CopyButton.js';
import { EmptyState } from '../../components/EmptyState.js';
import { ErrorState } from '../../components/ErrorState.js';
import { LoadingSkeleton } from '../../components/LoadingSkeleton.js';
import { PageHeader } from '../../components/PageHeader.js';
import { TimeText } from '../../components/TimeText.js';
import { usePageTitle } from '../../components/use-page-title.js';
import { SweepStateBadge } from './SweepStateBadge.js';
import { formatValue } from './sweep-states.js';
import { TrialsTable } from './TrialsTable.js';

// Charts load with their library only on a sweep's page.
const SweepCharts = lazy(() => import('./SweepCharts.js'));

const trail = [{ label: 'Compute', href: paths.compute }];

function StopButton({ sweep }: { sweep: SweepDetail }) {
  const [open, setOpen] = useState(false);
  const stop = useStopSweep();
  if (sweep.state !== 'running') return null;
  return (
    <>
      <Button
        color="red"
        variant="light"
        leftSection={<IconPlayerStop size={16} />}
        onClick={() => setOpen(true)}
      >
        Stop sweep
      </Button>
      <ConfirmDialog
        opened={open}
        onClose={() => setOpen(false)}
        title="Stop this sweep?"
        confirmLabel="Stop sweep"
        dismissLabel="Keep it running"
        busy={stop.isPending}
        error={stop.error}
        onConfirm={() => stop.mutate(sweep.id, { onSuccess: () => setOpen(false) })}
      >
        No new trial starts and the running ones are cancelled. The trials that finished are kept, with the
        best.
      </ConfirmDialog>
    </>
  );
}

function BestCard({ sweep }: { sweep: SweepDetail }) {
  const spec = specOf(sweep);
  const best = sweep.best ? sweep.trials.find((t) => t.number === sweep.best?.trial) : undefined;
  if (!best) {
    return (
      <Card p="lg" mb="lg">
        <Text c="dimmed" size="sm">
          No trial has reported <Code>{spec.objective.metric}</Code> yet. Trials print{' '}
          <Code>PLINTH_METRIC {spec.objective.metric}=0.123</Code> lines; the best appears here as soon as one
          finishes.
        </Text>
      </Card>
    );
  }
  const params = JSON.stringify(best.params, null, 2);
  return (
    <Card
      p="lg"
      mb="lg"
      data-testid="best-trial"
      style={{ borderLeft: '4px solid var(--mantine-color-teal-filled)' }}
    >
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="lg">
        <div>
          <Group gap={6}>
            <IconTrophy size={18} color="var(--mantine-color-teal-filled)" aria-hidden="true" />
            <Text fw={700}>Best: trial {best.number}</Text>
          </Group>
          <Text size="xl" fw={700} ff="monospace" mt={4}>
            {spec.objective.metric} = {formatValue(best.value)}
          </Text>
          <Text size="xs" c="dimmed">
            {spec.objective.goal === 'minimize' ? 'lowest' : 'highest'} of{' '}
            {sweep.trials.filter((t) => t.value !== null).length} trials with a value
          </Text>
        </div>
        <Box style={{ flex: '1 1 320px', maxWidth: 560 }}>
          <Group justify="space-between" mb={4}>
            <Text size="sm" fw={600}>
              Its parameters
            </Text>
            <CopyButton value={params} label="the best parameters" />
          </Group>
          <Code block>{params}</Code>
        </Box>
      </Group>
    </Card>
  );
}

function SweepView({ sweep }: { sweep: SweepDetail }) {
  const spec = specOf(sweep);
  usePageTitle([sweep.name, 'Sweep']);
  return (
    <>
      <PageHeader
        title={sweep.name}
        trail={trail}
        badge={
          <Box data-testid="sweep-state">
            <SweepStateBadge state={sweep.state} />
          </Box>
        }
        description={
          <span>
            {spec.algorithm} search · {spec.objective.goal} <b>{spec.objective.metric}</b> ·{' '}
            {sweep.trialCount} of at most {spec.maxTrials} trials, {spec.parallelism ?? 1} at once · started{' '}
            <TimeText value={sweep.createdAt} /> by <b>{sweep.owner}</b>
          </span>
        }
        actions={<StopButton sweep={sweep} />}
      />
      {sweep.reason && (
        <Alert
          variant="light"
          color={sweep.state === 'failed' ? 'red' : 'gray'}
          mb="lg"
          data-testid="sweep-reason"
        >
          {sweep.reason}
        </Alert>
      )}
      <BestCard sweep={sweep} />
      <Card p="lg" mb="lg">
        <Title order={2} size="h4" mb="md">
          Charts
        </Title>
        <Suspense fallback={<Skeleton height={260} />}>
          <SweepCharts trials={sweep.trials} spec={spec} />
        </Suspense>
      </Card>
      <Card p={0}>
        <Title order={2} size="h4" p="md">
          Trials
        </Title>
        {sweep.trials.length === 0 ? (
          <Text size="sm" c="dimmed" p="md">
            The first trials are being submitted.
          </Text>
        ) : (
          <TrialsTable
            trials={sweep.trials}
            best={sweep.best?.trial ?? null}
            metric={spec.objective.metric}
          />
        )}
      </Card>
    </>
  );
}

/** One sweep: its best trial ready to copy, live charts, every trial; stop. */
export function SweepPage() {
  const id = useParams().id ?? '';
  const sweep = useSweep(id);
  if (sweep.isPending) {
    return (
      <>
        <PageHeader title="Sweep" trail={trail} />
        <Stack gap="lg">
          <Skeleton height={120} radius="md" />
          <LoadingSkeleton rows={6} />
        </Stack>
      </>
    );
  }
  if (sweep.isError) {
    if (isApiError(sweep.error, 'COMPUTE_SWEEP_NOT_FOUND')) {
      return (
        <EmptyState
          icon={<IconSearchOff size={28} />}
          title="There is no such sweep that you may see"
          titleOrder={1}
          action={
            <Button component={Link} to={paths.compute}>
              Back to Compute
            </Button>
          }
        >
          The link may be mistyped, or the sweep belongs to a team you are not in.
        </EmptyState>
      );
    }
    return (
      <>
        <PageHeader title="Sweep" trail={trail} />
        <ErrorState title="Could not load this sweep" error={sweep.error} onRetry={() => sweep.refetch()} />
      </>
    );
  }
  return <SweepView sweep={sweep.data} />;
}
