import { Badge, Box, Button, Skeleton, Stack, Tabs, Text } from '@mantine/core';
import { IconFileCode, IconFileText, IconJson, IconListNumbers, IconSearchOff } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useRef } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { isApiError } from '../../api/api-error.js';
import { jobsKey, useJob } from '../../api/job-queries.js';
import type { JobDetail, JobState } from '../../api/job-types.js';
import { paths } from '../../app/routes.js';
import { CopyButton } from '../../components/CopyButton.js';
import { EmptyState } from '../../components/EmptyState.js';
import { ErrorState } from '../../components/ErrorState.js';
import { LoadingSkeleton } from '../../components/LoadingSkeleton.js';
import { PageHeader } from '../../components/PageHeader.js';
import { JobBadge } from '../JobStateBadge.js';
import { EfficiencyCard } from './EfficiencyCard.js';
import { JobActions } from './JobActions.js';
import { JobFacts } from './JobFacts.js';
import { LogTab } from './LogTab.js';
import { ScriptTab } from './ScriptTab.js';
import { SpecTab } from './SpecTab.js';
import { TasksTab } from './TasksTab.js';
import { WhyItEnded } from './WhyItEnded.js';

const tabs = ['log', 'script', 'spec', 'tasks'] as const;
type Tab = (typeof tabs)[number];
const trail = [{ label: 'Compute', href: paths.compute }];

function useTab(hasTasks: boolean): [Tab, (tab: Tab) => void] {
  const [params, setParams] = useSearchParams();
  const asked = params.get('tab') as Tab | null;
  const tab: Tab = asked && tabs.includes(asked) && (asked !== 'tasks' || hasTasks) ? asked : 'log';
  const setTab = (next: Tab) => {
    const out = new URLSearchParams(params);
    if (next === 'log') out.delete('tab');
    else out.set('tab', next);
    setParams(out);
  };
  return [tab, setTab];
}

/** Who, where and how the job is labelled: the line under its name. */
function JobMeta({ job }: { job: JobDetail }) {
  const labels = Object.entries(job.labels);
  return (
    <span data-testid="job-meta">
      <Text span ff="monospace" size="sm">
        {job.id}
      </Text>
      <span className="plinth-inline-action">
        <CopyButton value={job.id} label="job id" />
      </span>{' '}
      · on <b>{job.executor}</b> · submitted by <b>{job.owner}</b>
      {job.team && (
        <>
          {' '}
          for team <b>{job.team}</b>
        </>
      )}
      {labels.length > 0 && ' · '}
      {labels.map(([key, value]) => (
        <Badge key={key} component="span" variant="default" size="sm" tt="none" fw={500} mr={4}>
          {key}={value}
        </Badge>
      ))}
    </span>
  );
}

function JobTabs({ job }: { job: JobDetail }) {
  const queryClient = useQueryClient();
  const known = useRef(job.state);
  known.current = job.state;
  // The live log hears state changes first; the job (and every list showing it) is asked again then.
  const onState = useCallback(
    (state: JobState) => {
      if (state !== known.current) queryClient.invalidateQueries({ queryKey: jobsKey });
    },
    [queryClient],
  );
  const hasTasks = Boolean(job.spec.array);
  const [tab, setTab] = useTab(hasTasks);
  return (
    <Tabs
      value={tab}
      onChange={(v) => setTab((v as Tab | null) ?? 'log')}
      keepMounted={false}
      variant="outline"
    >
      <Tabs.List mb="lg">
        <Tabs.Tab value="log" leftSection={<IconFileText size={16} />}>
          Log
        </Tabs.Tab>
        <Tabs.Tab value="script" leftSection={<IconFileCode size={16} />}>
          Script
        </Tabs.Tab>
        <Tabs.Tab value="spec" leftSection={<IconJson size={16} />}>
          Spec
        </Tabs.Tab>
        {hasTasks && (
          <Tabs.Tab value="tasks" leftSection={<IconListNumbers size={16} />}>
            Tasks
          </Tabs.Tab>
        )}
      </Tabs.List>
      <Tabs.Panel value="log">
        <LogTab job={job} onState={onState} />
      </Tabs.Panel>
      <Tabs.Panel value="script">
        <ScriptTab job={job} />
      </Tabs.Panel>
      <Tabs.Panel value="spec">
        <SpecTab job={job} />
      </Tabs.Panel>
      {hasTasks && (
        <Tabs.Panel value="tasks">
          <TasksTab job={job} />
        </Tabs.Panel>
      )}
    </Tabs>
  );
}

function JobView({ job }: { job: JobDetail }) {
  return (
    <>
      <PageHeader
        title={job.name}
        trail={trail}
        badge={
          <Box data-testid="job-state">
            <JobBadge job={job} />
          </Box>
        }
        description={<JobMeta job={job} />}
        actions={<JobActions job={job} />}
      />
      <WhyItEnded job={job} />
      <JobFacts job={job} />
      <EfficiencyCard job={job} />
      <JobTabs job={job} />
    </>
  );
}

function JobNotFound({ id }: { id: string }) {
  return (
    <EmptyState
      icon={<IconSearchOff size={28} />}
      title="There is no such job that you may see"
      titleOrder={1}
      action={
        <Button component={Link} to={paths.compute}>
          Back to Compute
        </Button>
      }
    >
      No job{' '}
      <Text span ff="monospace">
        {id}
      </Text>{' '}
      is yours or your teams’. The link may be mistyped, or the job belongs to a team you are not in.
    </EmptyState>
  );
}

/** One job: its state, why it ended, timings, live log, script, spec and tasks; cancel and resubmit. */
export function JobPage() {
  const id = useParams().id ?? '';
  const job = useJob(id);
  if (job.isPending) {
    return (
      <>
        <PageHeader title="Job" trail={trail} />
        <Stack gap="lg">
          <Skeleton height={150} radius="md" />
          <LoadingSkeleton rows={6} />
        </Stack>
      </>
    );
  }
  if (job.isError) {
    if (isApiError(job.error, 'COMPUTE_JOB_NOT_FOUND')) return <JobNotFound id={id} />;
    return (
      <>
        <PageHeader title="Job" trail={trail} />
        <ErrorState title="Could not load this job" error={job.error} onRetry={() => job.refetch()} />
      </>
    );
  }
  return <JobView job={job.data} />;
}
