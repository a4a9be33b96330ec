import { Anchor, Box, Button, Card, Group, Skeleton, Stack, Text } from '@mantine/core';
import { IconCpu, IconPlus } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useRecentJobs } from '../api/job-queries.js';
import type { Job } from '../api/job-types.js';
import { jobHref, newJobHref, paths } from '../app/routes.js';
import { EmptyState } from '../components/EmptyState.js';
import { ErrorState } from '../components/ErrorState.js';
import { formatDateTime, formatRelative } from '../components/format.js';
import { JobDuration } from '../compute/JobCells.js';
import { JobBadge } from '../compute/JobStateBadge.js';
import { HomeCardHeader, SeeAllLink } from './HomeCardHeader.js';

const SHOWN = 5;

function JobRow({ job }: { job: Job }) {
  return (
    <Box p="sm" className="plinth-row" data-testid="recent-job">
      <Group justify="space-between" wrap="nowrap" gap="sm">
        <Stack gap={2} style={{ minWidth: 0 }}>
          <Anchor component={Link} to={jobHref(job.id)} fw={600} size="sm" truncate>
            {job.name}
          </Anchor>
          <Text size="xs" c="dimmed" truncate>
            {job.executor} · submitted{' '}
            <time dateTime={job.submittedAt} title={formatDateTime(job.submittedAt)}>
              {formatRelative(job.submittedAt)}
            </time>
            {job.startedAt && (
              <>
                {' · ran '}
                <JobDuration job={job} size="xs" />
              </>
            )}
          </Text>
        </Stack>
        <JobBadge job={job} />
      </Group>
    </Box>
  );
}

function RecentJobsList() {
  const jobs = useRecentJobs(SHOWN);
  if (jobs.isPending) return <Skeleton height={120} radius="md" />;
  if (jobs.isError) {
    return <ErrorState title="Could not load your jobs" error={jobs.error} onRetry={() => jobs.refetch()} />;
  }
  if (jobs.data.items.length === 0) {
    return (
      <EmptyState
        size="sm"
        icon={<IconCpu size={22} />}
        title="No jobs yet"
        action={
          <Button component={Link} to={newJobHref()} size="xs" leftSection={<IconPlus size={14} />}>
            Submit your first job
          </Button>
        }
      >
        Run a command or a script with the CPUs, memory and time it needs, and follow its live log here.
      </EmptyState>
    );
  }
  return (
    <Stack gap="xs">
      {jobs.data.items.map((job) => (
        <JobRow key={job.id} job={job} />
      ))}
      <SeeAllLink to={paths.compute}>All your jobs</SeeAllLink>
    </Stack>
  );
}

/** Home: the signed-in person's latest jobs with their states, live while they run. */
export function RecentJobsCard() {
  return (
    <Card h="100%" data-testid="recent-jobs">
      <HomeCardHeader
        icon={<IconCpu size={18} />}
        title="Your recent jobs"
        action={
          <Button
            component={Link}
            to={newJobHref()}
            variant="subtle"
            size="compact-sm"
            leftSection={<IconPlus size={14} />}
          >
            Submit job
          </Button>
        }
      />
      <RecentJobsList />
    </Card>
  );
}
