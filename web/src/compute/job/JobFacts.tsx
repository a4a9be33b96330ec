import { Card, SimpleGrid, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import type { JobDetail } from '../../api/job-types.js';
import { Fact } from '../../catalog/entity/EntityFacts.js';
import { CopyButton } from '../../components/CopyButton.js';
import { TimeText } from '../../components/TimeText.js';
import { JobDuration } from '../JobCells.js';
import { memoryFlag, timeFlag } from '../new/cli-command.js';

function Plain({ children }: { children: ReactNode }) {
  const empty = children === null || children === undefined || children === '';
  return (
    <Text size="sm" c={empty ? 'dimmed' : undefined} style={{ overflowWrap: 'anywhere' }}>
      {empty ? '—' : children}
    </Text>
  );
}

/** What the job asked for, in the CLI's own words: "4 CPUs · 16G · 4h". */
function askedFor(job: JobDetail): string | null {
  const r = job.spec.resources;
  if (!r) return null;
  const parts = [
    r.cpus ? `${r.cpus} ${r.cpus === 1 ? 'CPU' : 'CPUs'}` : null,
    r.memoryMb ? memoryFlag(r.memoryMb).replace(/([GM])$/, ' $1B') : null,
    r.gpus ? `${r.gpus} GPU${r.gpus === 1 ? '' : 's'}${r.gpuType ? ` (${r.gpuType})` : ''}` : null,
    r.timeLimitMinutes ? timeFlag(r.timeLimitMinutes) : null,
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(' · ') : null;
}

/** The job's timings and where it ran: submitted, started, ended, duration, exit code, node, the executor's id. */
export function JobFacts({ job }: { job: JobDetail }) {
  return (
    <Card p="lg" mb="lg" data-testid="job-facts">
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="lg" verticalSpacing="lg">
        <Fact label="Submitted">
          <TimeText value={job.submittedAt} />
        </Fact>
        <Fact label="Started">
          <TimeText value={job.startedAt} empty={job.state === 'pending' ? 'Not yet' : '—'} />
        </Fact>
        <Fact label="Ended">
          <TimeText
            value={job.endedAt}
            empty={job.state === 'running' || job.state === 'pending' ? 'Not yet' : '—'}
          />
        </Fact>
        <Fact label="Duration">
          <JobDuration job={job} />
        </Fact>
        <Fact label="Exit code">
          <Plain>{job.exitCode}</Plain>
        </Fact>
        <Fact label="Node">
          <Plain>{job.node}</Plain>
        </Fact>
        <Fact label="Executor’s id">
          {job.externalId ? (
            <Text
              size="sm"
              ff="monospace"
              component="div"
              style={{ display: 'flex', alignItems: 'center', gap: 2, minWidth: 0 }}
            >
              <span
                style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}
                title={job.externalId}
              >
                {job.externalId}
              </span>
              <CopyButton value={job.externalId} label="executor’s id" />
            </Text>
          ) : (
            <Plain>{null}</Plain>
          )}
        </Fact>
        <Fact label="Asked for">
          <Plain>{askedFor(job)}</Plain>
        </Fact>
      </SimpleGrid>
    </Card>
  );
}
