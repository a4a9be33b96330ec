import {
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  SegmentedControl,
  Select,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { ApiError, describeError } from '../api/api-error.js';
import { useVote } from '../api/radar-queries.js';
import type { ProposalDetail, Vote } from '../api/radar-types.js';
import { TimeText } from '../components/TimeText.js';

const CHOICE_COLOR: Record<Vote['choice'], string> = { approve: 'teal', object: 'red', abstain: 'gray' };

/** A vote in words: "Ada for climate — object (blocking)". */
export function VoteLine({ vote }: { vote: Vote }) {
  return (
    <div data-testid="vote">
      <Group gap={6} wrap="nowrap">
        <Text size="sm" fw={600}>
          {vote.displayName}
        </Text>
        <Text size="xs" c="dimmed">
          {vote.capacity === 'keeper' ? 'Keeper' : `for ${vote.team}`}
        </Text>
        <Badge size="sm" variant="light" color={CHOICE_COLOR[vote.choice]}>
          {vote.choice}
          {vote.blocking ? ' · blocking' : ''}
        </Badge>
      </Group>
      {vote.reason && (
        <Text size="sm" c="dimmed">
          {vote.reason}
        </Text>
      )}
      <Text size="xs" c="dimmed">
        <TimeText value={vote.at} />
      </Text>
    </div>
  );
}

function VoteForm({ proposal }: { proposal: ProposalDetail }) {
  const [choice, setChoice] = useState('approve');
  const [blocking, setBlocking] = useState(false);
  const [reason, setReason] = useState('');
  const [as, setAs] = useState(proposal.can.voteAs[0] ?? 'keeper');
  const vote = useVote(proposal.number);
  const fieldError =
    vote.error instanceof ApiError
      ? vote.error.fieldProblems.find((p) => p.field === 'reason')?.message
      : undefined;
  return (
    <Stack gap="xs">
      {proposal.can.voteAs.length > 1 && (
        <Select
          label="Vote as"
          data={proposal.can.voteAs.map((v) => ({
            value: v,
            label: v === 'keeper' ? 'Keeper' : `Representative of ${v}`,
          }))}
          value={as}
          onChange={(v) => setAs(v ?? 'keeper')}
        />
      )}
      {proposal.can.voteAs.length === 1 && (
        <Text size="xs" c="dimmed">
          {as === 'keeper'
            ? 'You vote as a Keeper.'
            : `You vote for team ${as}: a later vote of the team replaces this one.`}
        </Text>
      )}
      <SegmentedControl
        aria-label="Your vote"
        data={[
          { value: 'approve', label: 'Approve' },
          { value: 'object', label: 'Object' },
          { value: 'abstain', label: 'Abstain' },
        ]}
        value={choice}
        onChange={setChoice}
      />
      {choice === 'object' && (
        <Checkbox
          label="Blocking: it must not be accepted while I object"
          checked={blocking}
          onChange={(e) => setBlocking(e.currentTarget.checked)}
        />
      )}
      <Textarea
        label={
          blocking && choice === 'object' ? 'Reason (required: say what would lift the objection)' : 'Reason'
        }
        autosize
        minRows={2}
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
        error={fieldError}
      />
      {vote.isError && !fieldError && (
        <Text size="sm" c="red">
          {describeError(vote.error)}{' '}
          <Text span size="xs">
            ({(vote.error as ApiError).code})
          </Text>
        </Text>
      )}
      <Group>
        <Button
          loading={vote.isPending}
          onClick={() =>
            vote.mutate({
              choice,
              blocking: choice === 'object' && blocking,
              reason: reason.trim() || undefined,
              team: as === 'keeper' ? undefined : as,
            })
          }
        >
          Cast vote
        </Button>
      </Group>
    </Stack>
  );
}

/** The votes so far, and the form to cast or change one's own. */
export function VotePanel({ proposal }: { proposal: ProposalDetail }) {
  return (
    <Card padding="md">
      <Title order={2} size="h3" mb="sm">
        Votes
      </Title>
      <Stack gap="sm">
        {proposal.votes.length === 0 && (
          <Text size="sm" c="dimmed">
            No votes yet. Keepers vote, and each team votes once through its representative.
          </Text>
        )}
        {proposal.votes.map((v) => (
          <VoteLine key={`${v.capacity}-${v.team ?? v.username}`} vote={v} />
        ))}
        {proposal.can.vote && <VoteForm proposal={proposal} />}
        {proposal.state === 'open' && !proposal.can.vote && (
          <Text size="xs" c="dimmed">
            Only Keepers and team representatives vote; you can comment.
          </Text>
        )}
      </Stack>
    </Card>
  );
}
