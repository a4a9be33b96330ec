import { Anchor, Badge, Group, Stack, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { Job } from '../api/job-types.js';
import { jobHref } from '../app/routes.js';
import { TimeText } from '../components/TimeText.js';
import { JobDuration, ShortJobId } from './JobCells.js';
import { JobBadge } from './JobStateBadge.js';

/** Props of {@link JobTable}. */
export interface JobTableProps {
  jobs: Job[];
  /** Show who submitted each job (lists of other people's jobs). */
  showOwner: boolean;
  /** A click on a label filters the list by it. */
  onLabel: (label: string) => void;
}

function Labels({ labels, onLabel }: { labels: Record<string, string>; onLabel: (label: string) => void }) {
  const entries = Object.entries(labels);
  if (entries.length === 0) return null;
  return (
    <Group gap={4} wrap="wrap">
      {entries.slice(0, 3).map(([key, value]) => (
        <Badge
          key={key}
          component="button"
          type="button"
          variant="default"
          size="sm"
          tt="none"
          fw={500}
          className="plinth-tag"
          title={`Show only jobs labelled ${key}=${value}`}
          onClick={() => onLabel(`${key}=${value}`)}
        >
          {key}={value}
        </Badge>
      ))}
      {entries.length > 3 && (
        <Text size="xs" c="dimmed">
          +{entries.length - 3}
        </Text>
      )}
    </Group>
  );
}

function JobRow({
  job,
  showOwner,
  onLabel,
}: {
  job: Job;
  showOwner: boolean;
  onLabel: (label: string) => void;
}) {
  return (
    <Table.Tr data-job-id={job.id} data-state={job.state}>
      <Table.Td>
        <Stack gap={2} style={{ minWidth: 0 }}>
          <Group gap={6} wrap="nowrap">
            <Anchor component={Link} to={jobHref(job.id)} fw={600} size="sm" truncate data-testid="job-link">
              {job.name}
            </Anchor>
            <ShortJobId id={job.id} />
          </Group>
          <Labels labels={job.labels} onLabel={onLabel} />
        </Stack>
      </Table.Td>
      <Table.Td>
        <JobBadge job={job} />
      </Table.Td>
      <Table.Td>
        <Text size="sm" ff="monospace">
          {job.executor}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm" c={job.team ? undefined : 'dimmed'} truncate>
          {job.team ?? 'None'}
        </Text>
      </Table.Td>
      {showOwner && (
        <Table.Td>
          <Text size="sm" truncate>
            {job.owner}
          </Text>
        </Table.Td>
      )}
      <Table.Td>
        <JobDuration job={job} />
      </Table.Td>
      <Table.Td>
        <TimeText value={job.submittedAt} />
      </Table.Td>
    </Table.Tr>
  );
}

/** Jobs as a table: name and id, state, where it runs, whose it is, how long it ran, when it was submitted. */
export function JobTable({ jobs, showOwner, onLabel }: JobTableProps) {
  return (
    <Table.ScrollContainer minWidth={showOwner ? 1020 : 900}>
      <Table highlightOnHover layout="fixed" data-testid="job-table" verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Job</Table.Th>
            <Table.Th w={170}>State</Table.Th>
            <Table.Th w={100}>Executor</Table.Th>
            <Table.Th w={120}>Team</Table.Th>
            {showOwner && <Table.Th w={130}>Submitted by</Table.Th>}
            <Table.Th w={100}>Duration</Table.Th>
            <Table.Th w={130}>Submitted</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {jobs.map((job) => (
            <JobRow key={job.id} job={job} showOwner={showOwner} onLabel={onLabel} />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
