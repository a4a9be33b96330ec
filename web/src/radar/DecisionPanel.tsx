import { Alert, Anchor, Button, Card, Code, Group, List, Stack, Text, Textarea, Title } from '@mantine/core';
import { IconDownload, IconGitBranch } from '@tabler/icons-react';
import { useState } from 'react';
import { type ApiError, describeError } from '../api/api-error.js';
import { useDecide } from '../api/radar-queries.js';
import type { ProposalDetail } from '../api/radar-types.js';
import { CopyButton } from '../components/CopyButton.js';
import { TimeText } from '../components/TimeText.js';
import { ProposalStateBadge } from './ProposalStateBadge.js';
import { VoteLine } from './VotePanel.js';

const RULE_WORDS: Record<string, string> = {
  'unanimous-keepers': 'every Keeper vote approves',
  'keeper-majority': 'a majority of Keeper votes approves',
};

function Change({ proposal }: { proposal: ProposalDetail }) {
  const change = proposal.change;
  if (!change) return null;
  return (
    <Stack gap={4} data-testid="proposal-change">
      {change.branch && (
        <Group gap={6}>
          <IconGitBranch size={16} />
          <Code>{change.branch}</Code>
          <CopyButton value={change.branch} label="branch name" />
        </Group>
      )}
      <Text size="sm">{change.message}</Text>
      {change.file && (
        <Text size="xs" c="dimmed">
          Changes {change.file}
          {change.commit ? ` in commit ${change.commit.slice(0, 12)}` : ''}
        </Text>
      )}
      {change.status !== 'failed' && (
        <Anchor href={`/api/proposals/${proposal.number}/patch`} size="sm">
          <IconDownload size={14} /> Download the patch
        </Anchor>
      )}
    </Stack>
  );
}

function DecideForm({ proposal }: { proposal: ProposalDetail }) {
  const [reason, setReason] = useState('');
  const decide = useDecide(proposal.number);
  const send = (outcome: 'accepted' | 'rejected') => decide.mutate({ outcome, reason: reason.trim() });
  return (
    <Stack gap="xs">
      <Textarea
        label="Reason for the decision"
        description="Recorded with the decision and written into the commit"
        autosize
        minRows={2}
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
      />
      {decide.isError && (
        <Alert color="red" variant="light" title="Not decided">
          {describeError(decide.error)}{' '}
          <Text span size="xs">
            ({(decide.error as ApiError).code})
          </Text>
        </Alert>
      )}
      <Group>
        <Button
          color="teal"
          disabled={!reason.trim()}
          loading={decide.isPending && decide.variables?.outcome === 'accepted'}
          onClick={() => send('accepted')}
        >
          Accept proposal
        </Button>
        <Button
          color="red"
          variant="light"
          disabled={!reason.trim()}
          loading={decide.isPending && decide.variables?.outcome === 'rejected'}
          onClick={() => send('rejected')}
        >
          Reject proposal
        </Button>
      </Group>
    </Stack>
  );
}

/** The decision rule's verdict while open; the decision record (who, when, why, the votes then, the change) once closed. */
export function DecisionPanel({ proposal }: { proposal: ProposalDetail }) {
  const d = proposal.decision;
  if (d) {
    return (
      <Card padding="md" data-testid="decision">
        <Group gap="xs" mb="xs">
          <Title order={2} size="h3">
            Decision
          </Title>
          <ProposalStateBadge state={proposal.state} />
        </Group>
        <Text size="sm">
          {d.outcome === 'withdrawn' ? 'Withdrawn' : d.outcome === 'accepted' ? 'Accepted' : 'Rejected'} by{' '}
          {d.byName}, <TimeText value={d.at} mode="absolute" />.
        </Text>
        <Text size="sm" mb="sm" fs="italic">
          “{d.reason}”
        </Text>
        <Change proposal={proposal} />
        {d.votes.length > 0 && (
          <>
            <Text size="xs" fw={700} tt="uppercase" c="dimmed" mt="sm">
              Votes at that moment
            </Text>
            <Stack gap={6}>
              {d.votes.map((v) => (
                <VoteLine key={`${v.capacity}-${v.team ?? v.username}`} vote={v} />
              ))}
            </Stack>
          </>
        )}
      </Card>
    );
  }
  const rule = proposal.rule;
  return (
    <Card padding="md" data-testid="decision-rule">
      <Title order={2} size="h3" mb="xs">
        Decision rule
      </Title>
      <Text size="sm" mb="xs">
        Accepted when {RULE_WORDS[rule.rule] ?? rule.rule}, with at least {rule.required} Keeper approval
        {rule.required === 1 ? '' : 's'} and no blocking objection.
      </Text>
      {rule.met ? (
        <Alert color="teal" variant="light" mb="sm" title="The rule is met">
          A Keeper may accept it now.
        </Alert>
      ) : (
        <Alert color="yellow" variant="light" mb="sm" title="Not yet">
          <List size="sm">
            {rule.reasons.map((r) => (
              <List.Item key={r}>{r}</List.Item>
            ))}
          </List>
        </Alert>
      )}
      {proposal.can.decide && <DecideForm proposal={proposal} />}
    </Card>
  );
}
