import { Box, Button, Card, Divider, Group, Text } from '@mantine/core';
import { IconChartDots3, IconPlus } from '@tabler/icons-react';
import { useCallback, useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useJobs } from '../api/job-queries.js';
import type { JobFilters, JobScope } from '../api/job-types.js';
import { useCurrentUser, useIsKeeper } from '../app/current-user.js';
import { newJobHref, paths } from '../app/routes.js';
import { ErrorState } from '../components/ErrorState.js';
import { LoadingSkeleton } from '../components/LoadingSkeleton.js';
import { PageHeader } from '../components/PageHeader.js';
import { NoJobsMatch, NoJobsYet, NoTeamJobs } from './ComputeEmpty.js';
import { JobListFilters, type JobListUrl } from './JobListFilters.js';
import { JobTable } from './JobTable.js';
import { isJobState } from './job-states.js';
import { SweepList } from './sweeps/SweepList.js';

const urlKeys = ['scope', 'state', 'executor', 'label'] as const;
const labelPattern = /^[^=]+=.*$/;

function useJobListUrl() {
  const isKeeper = useIsKeeper();
  const [params, setParams] = useSearchParams();
  const update = useCallback(
    (changes: Partial<Record<(typeof urlKeys)[number], string | null>>) =>
      setParams(
        (previous) => {
          const next = new URLSearchParams(previous);
          for (const [key, value] of Object.entries(changes)) {
            if (value) next.set(key, value);
            else next.delete(key);
          }
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );
  const url = useMemo((): JobListUrl => {
    const asked = params.get('scope');
    const scope: JobScope = asked === 'team' || (asked === 'all' && isKeeper) ? asked : 'mine';
    const value = (key: string) => params.get(key) || undefined;
    return { scope, state: value('state'), executor: value('executor'), label: value('label') };
  }, [params, isKeeper]);
  const labelError = url.label && !labelPattern.test(url.label) ? 'Write it as key=value' : undefined;
  // What the API is asked: only values it accepts, so a hand-edited link never ends in an error.
  const filters: JobFilters = {
    scope: url.scope,
    state: isJobState(url.state) ? url.state : undefined,
    executor: url.executor,
    label: labelError ? undefined : url.label,
  };
  const setParam = (key: keyof JobListUrl, value: string | null) => update({ [key]: value });
  const clear = () => update({ state: null, executor: null, label: null });
  return { url, filters, labelError, setParam, clear, isKeeper };
}

function JobList({ list }: { list: ReturnType<typeof useJobListUrl> }) {
  const user = useCurrentUser();
  const jobs = useJobs(list.filters);
  if (jobs.isPending || jobs.isError) {
    return (
      <Box p="md">
        {jobs.isError ? (
          <ErrorState title="Could not load the jobs" error={jobs.error} onRetry={() => jobs.refetch()} />
        ) : (
          <LoadingSkeleton rows={6} />
        )}
      </Box>
    );
  }
  const items = jobs.data.pages.flatMap((page) => page.items);
  if (items.length === 0) {
    if (list.filters.state || list.filters.executor || list.url.label)
      return <NoJobsMatch onClear={list.clear} />;
    if (list.url.scope === 'team') return <NoTeamJobs inTeam={user.teams.length > 0} />;
    return <NoJobsYet />;
  }
  return (
    <Box style={{ opacity: jobs.isPlaceholderData ? 0.65 : 1 }}>
      <JobTable
        jobs={items}
        showOwner={list.url.scope !== 'mine'}
        onLabel={(label) => list.setParam('label', label)}
      />
      <Group justify="center" p="md" style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}>
        {jobs.hasNextPage ? (
          <Button variant="default" onClick={() => jobs.fetchNextPage()} loading={jobs.isFetchingNextPage}>
            Load more
          </Button>
        ) : (
          <Text size="xs" c="dimmed" data-testid="job-count">
            {items.length === 1 ? 'That is the only job here.' : `That is everything: ${items.length} jobs.`}
          </Text>
        )}
      </Group>
    </Box>
  );
}

/** Compute: my jobs, my teams' jobs or all of them, filterable by link, refreshed while jobs run. */
export function ComputePage() {
  const list = useJobListUrl();
  return (
    <>
      <PageHeader
        title="Compute"
        description="Run commands and scripts on the platform’s executors and follow them: state, live log, and why each job ended. Sweeps run one job over many parameters and keep the best."
        actions={
          <>
            <Button
              component={Link}
              to={paths.newSweep}
              variant="default"
              leftSection={<IconChartDots3 size={16} />}
            >
              Start sweep
            </Button>
            <Button component={Link} to={newJobHref()} leftSection={<IconPlus size={16} />}>
              Submit job
            </Button>
          </>
        }
      />
      <Card p={0}>
        <Box p="md">
          <JobListFilters
            url={list.url}
            canSeeAll={list.isKeeper}
            labelError={list.labelError}
            onChange={list.setParam}
            onClear={list.clear}
          />
        </Box>
        <Divider />
        <JobList list={list} />
      </Card>
      <SweepList scope={list.url.scope} />
    </>
  );
}
