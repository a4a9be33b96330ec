import { Alert, Anchor, Button, Code, Grid, Skeleton, Stack } from '@mantine/core';
import { IconCpu, IconLock, IconPlayerPlay, IconRepeat } from '@tabler/icons-react';
import { Link, useSearchParams } from 'react-router';
import { useEntityByRef } from '../../api/catalog-queries.js';
import type { EntityDetail } from '../../api/catalog-types.js';
import { useExecutors, useJob } from '../../api/job-queries.js';
import type { ClosedExecutor, Executor, JobDetail, JobSpec } from '../../api/job-types.js';
import type { User } from '../../api/types.js';
import { useCurrentUser } from '../../app/current-user.js';
import { entityHref, jobHref, newJobHref, paths } from '../../app/routes.js';
import { EmptyState } from '../../components/EmptyState.js';
import { ErrorState } from '../../components/ErrorState.js';
import { PageHeader } from '../../components/PageHeader.js';
import { ClosedExecutors } from '../ClosedExecutors.js';
import { JobForm } from './JobForm.js';
import { emptyValues, type JobFormValues, valuesFromSpec } from './job-form-model.js';

const trail = [{ label: 'Compute', href: paths.compute }];

function startingValues(executors: Executor[], user: User, spec: JobSpec | undefined): JobFormValues {
  const fallback = executors.find((e) => e.default) ?? executors[0];
  const blank = emptyValues(fallback?.name ?? '', user.teams[0]?.name ?? '');
  if (!spec) return blank;
  const values = valuesFromSpec(spec, blank);
  // The job may come from an executor no longer offered, or a team the person has left.
  if (!executors.some((e) => e.name === values.executor)) values.executor = blank.executor;
  if (!user.teams.some((t) => t.name === values.team)) values.team = blank.team;
  return values;
}

function Loading() {
  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, lg: 7 }}>
        <Stack gap="lg">
          <Skeleton height={320} radius="md" />
          <Skeleton height={260} radius="md" />
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, lg: 5 }}>
        <Skeleton height={360} radius="md" />
      </Grid.Col>
    </Grid>
  );
}

function NoExecutors({ closed }: { closed: ClosedExecutor[] }) {
  if (closed.length > 0) {
    return (
      <EmptyState icon={<IconLock size={28} />} title="No executor is open to you here yet">
        <ClosedExecutors closed={closed} />
        Ask the Keepers (Request help, top right) to set up an executor for your team.
      </EmptyState>
    );
  }
  return (
    <EmptyState icon={<IconCpu size={28} />} title="No executor is offered here">
      Jobs run on an executor (this machine, a Slurm cluster…), and this installation has none. Keepers turn
      one on under <Code>compute.executors</Code> in the configuration.
    </EmptyState>
  );
}

function ResubmitNote({ source }: { source: JobDetail }) {
  return (
    <Alert variant="light" icon={<IconRepeat size={20} />} mb="lg" data-testid="resubmit-note">
      Prefilled from{' '}
      <Anchor component={Link} to={jobHref(source.id)} fw={600}>
        {source.name}
      </Anchor>
      . Change what you need and submit: the original job stays as it was.
    </Alert>
  );
}

function EntityNote({ entity }: { entity: EntityDetail }) {
  const job = entity.job;
  if (!job) return null;
  return (
    <Alert variant="light" icon={<IconPlayerPlay size={20} />} mb="lg" data-testid="entity-job-note">
      Prefilled from{' '}
      {job.viewUrl ? (
        <Anchor href={job.viewUrl} target="_blank" rel="noreferrer" ff="monospace">
          {job.file}
        </Anchor>
      ) : (
        <Code>{job.file}</Code>
      )}
      , the job of{' '}
      <Anchor component={Link} to={entityHref(entity.ref)} fw={600}>
        {entity.title ?? entity.name}
      </Anchor>
      . Change what you need for this run; the file in git stays as it is.
    </Alert>
  );
}

/** A job spec as written in a file: a mapping, else nothing to prefill from. */
function specOfFile(spec: unknown): JobSpec | undefined {
  return typeof spec === 'object' && spec !== null && !Array.isArray(spec) ? (spec as JobSpec) : undefined;
}

/**
 * The new-job form: empty, prefilled from an earlier job (`?from=<id>`, the Resubmit button), or
 * from a catalog entity's job file (`?entity=<ref>`, the Run button of its page).
 */
export function NewJobPage() {
  const [params] = useSearchParams();
  const from = params.get('from') ?? undefined;
  const entityRef = from ? undefined : (params.get('entity') ?? undefined);
  const user = useCurrentUser();
  const executors = useExecutors();
  const source = useJob(from);
  const entity = useEntityByRef(entityRef);
  const header = (
    <PageHeader
      title="Submit a job"
      trail={trail}
      description="Say what to run and what it needs. The preview shows the job spec that will be sent, the same one the CLI and the API take."
    />
  );
  if (executors.isPending || (from && source.isPending) || (entityRef && entity.isPending)) {
    return (
      <>
        {header}
        <Loading />
      </>
    );
  }
  if (executors.isError) {
    return (
      <>
        {header}
        <ErrorState
          title="Could not load the executors"
          error={executors.error}
          onRetry={() => executors.refetch()}
        />
      </>
    );
  }
  if (from && source.isError) {
    return (
      <>
        {header}
        <ErrorState
          title="Could not load the job to copy from"
          error={source.error}
          onRetry={() => source.refetch()}
          extra={
            <Button component={Link} to={newJobHref()} size="xs" variant="default">
              Start from an empty form
            </Button>
          }
        />
      </>
    );
  }
  if (entityRef && (entity.isError || !entity.data?.job)) {
    return (
      <>
        {header}
        <ErrorState
          title="Could not load the job of this catalog entity"
          error={entity.error ?? new Error(`${entityRef} has no job file (plinth.dev/job annotation)`)}
          onRetry={() => entity.refetch()}
          extra={
            <Button component={Link} to={newJobHref()} size="xs" variant="default">
              Start from an empty form
            </Button>
          }
        />
      </>
    );
  }
  if (executors.data.items.length === 0) {
    return (
      <>
        {header}
        <NoExecutors closed={executors.data.closed} />
      </>
    );
  }
  return (
    <>
      {header}
      {source.data && <ResubmitNote source={source.data} />}
      {entityRef && entity.data && <EntityNote entity={entity.data} />}
      <ClosedExecutors closed={executors.data.closed} />
      <JobForm
        key={from ?? entityRef ?? 'new'}
        initialValues={startingValues(
          executors.data.items,
          user,
          source.data?.spec ?? (entityRef ? specOfFile(entity.data?.job?.spec) : undefined),
        )}
        executors={executors.data.items}
      />
    </>
  );
}
