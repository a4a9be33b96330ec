import { Button, Code, Group, Paper, Stack, Text } from '@mantine/core';
import { IconCpu, IconFilterOff, IconPlus, IconUsersGroup } from '@tabler/icons-react';
import { Link } from 'react-router';
import { newJobHref } from '../app/routes.js';
import { CopyButton } from '../components/CopyButton.js';
import { EmptyState } from '../components/EmptyState.js';

const cliExample = 'plinth job submit --cpus 1 --memory 2G --time 30m -- python3 train.py --epochs 10';

function SubmitButton() {
  return (
    <Button component={Link} to={newJobHref()} leftSection={<IconPlus size={16} />}>
      Submit job
    </Button>
  );
}

/** Nobody has submitted a job here yet: what a job is, and the two ways to submit one. */
export function NoJobsYet() {
  return (
    <EmptyState
      icon={<IconCpu size={28} />}
      title="No jobs yet — submit your first job"
      action={<SubmitButton />}
    >
      <Stack gap="sm" align="center">
        <Text size="sm" c="dimmed" maw={600}>
          A job runs a command or a script on one of the platform’s executors, with the CPUs, memory and time
          you ask for. Its state, live log and the reason it ended show up here. Submit one from the form, or
          from a terminal with the Plinth CLI:
        </Text>
        <Paper p="xs" px="sm" bg="var(--plinth-muted-surface)" w="100%" maw={600} ta="left">
          <Group justify="space-between" wrap="nowrap" gap="xs">
            <Code bg="transparent" fz="xs" c="var(--mantine-color-text)" style={{ wordBreak: 'break-all' }}>
              {cliExample}
            </Code>
            <CopyButton value={cliExample} label="command" />
          </Group>
        </Paper>
        <Text size="xs" c="dimmed">
          Every field of a job is described in the jobs reference, <Code fz="xs">docs/reference/jobs.md</Code>
          .
        </Text>
      </Stack>
    </EmptyState>
  );
}

/** The person's teams have no jobs, or the person is in no team. */
export function NoTeamJobs({ inTeam }: { inTeam: boolean }) {
  return (
    <EmptyState
      icon={<IconUsersGroup size={28} />}
      title={inTeam ? 'No jobs in your teams yet' : 'You are not in a team yet'}
      action={inTeam ? <SubmitButton /> : undefined}
    >
      {inTeam
        ? 'Jobs submitted by anyone in your teams appear here, so you can follow each other’s work.'
        : 'Teams share their jobs with each other. A Keeper adds you to your team; your own jobs are under “My jobs”.'}
    </EmptyState>
  );
}

/** Filters that match no job: say so and offer the way back. */
export function NoJobsMatch({ onClear }: { onClear: () => void }) {
  return (
    <EmptyState
      icon={<IconFilterOff size={28} />}
      title="No jobs match these filters"
      action={
        <Button variant="light" onClick={onClear} leftSection={<IconFilterOff size={16} />}>
          Clear filters
        </Button>
      }
    >
      Remove a filter, or check the label: it is written key=value, exactly as the job was labelled.
    </EmptyState>
  );
}
