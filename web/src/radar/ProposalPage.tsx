import {
  Anchor,
  Badge,
  Button,
  Card,
  Grid,
  Group,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { IconArrowBackUp } from '@tabler/icons-react';
import { useState } from 'react';
import { useParams } from 'react-router';
import { CRITERIA } from '../../../src/radar/criteria.js';
import { CRITERION_TEXT } from '../../../src/radar/proposal-rules.js';
import { useComment, useProposal, useWithdraw } from '../api/radar-queries.js';
import type { ProposalDetail } from '../api/radar-types.js';
import { paths } from '../app/routes.js';
import { ConfirmDialog } from '../components/ConfirmDialog.js';
import { ErrorState } from '../components/ErrorState.js';
import { LoadingSkeleton } from '../components/LoadingSkeleton.js';
import { PageHeader } from '../components/PageHeader.js';
import { TimeText } from '../components/TimeText.js';
import { DecisionPanel } from './DecisionPanel.js';
import { ProposalStateBadge } from './ProposalStateBadge.js';
import { VotePanel } from './VotePanel.js';

export function proposalTitle(p: Pick<ProposalDetail, 'kind' | 'title' | 'fromRing' | 'targetRing'>): string {
  return p.kind === 'move'
    ? `Move ${p.title} from ${p.fromRing} to ${p.targetRing}`
    : `Add ${p.title} in ${p.targetRing}`;
}

function Evidence({ proposal }: { proposal: ProposalDetail }) {
  const c = proposal.input.criteria;
  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }}>
      {CRITERIA.map((id) => (
        <Card key={id} padding="md">
          <Group gap="xs" mb={4}>
            <Title order={3} size="h4">
              {CRITERION_TEXT[id].title}
            </Title>
            {id === 'marketPresence' && <Badge variant="light">since {c.marketPresence.since}</Badge>}
            {id === 'teamTesting' && <Badge variant="light">tested by {c.teamTesting.team}</Badge>}
          </Group>
          <Text size="xs" c="dimmed" mb={6}>
            {CRITERION_TEXT[id].question}
          </Text>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {c[id].text}
          </Text>
          {id === 'teamTesting' && (
            <Anchor href={c.teamTesting.report} target="_blank" rel="noreferrer" size="sm">
              Test report
            </Anchor>
          )}
          {c[id].links.map((link) => (
            <Anchor key={link} href={link} target="_blank" rel="noreferrer" size="xs" display="block">
              {link}
            </Anchor>
          ))}
        </Card>
      ))}
    </SimpleGrid>
  );
}

function Comments({ proposal }: { proposal: ProposalDetail }) {
  const [body, setBody] = useState('');
  const comment = useComment(proposal.number);
  return (
    <Card padding="md">
      <Title order={2} size="h3" mb="sm">
        Discussion
      </Title>
      <Stack gap="sm">
        {proposal.comments.length === 0 && (
          <Text size="sm" c="dimmed">
            No comments yet. Ask a question, add evidence, or say how your team would use it.
          </Text>
        )}
        {proposal.comments.map((c) => (
          <div key={c.id}>
            <Group gap="xs">
              <Text size="sm" fw={600}>
                {c.authorName}
              </Text>
              <Text size="xs" c="dimmed">
                <TimeText value={c.at} />
              </Text>
            </Group>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {c.body}
            </Text>
          </div>
        ))}
        {proposal.can.comment && (
          <>
            <Textarea
              label="Your comment"
              autosize
              minRows={2}
              value={body}
              onChange={(e) => setBody(e.currentTarget.value)}
              error={comment.error ? (comment.error as Error).message : undefined}
            />
            <Group>
              <Button
                variant="default"
                disabled={!body.trim()}
                loading={comment.isPending}
                onClick={() => comment.mutate(body.trim(), { onSuccess: () => setBody('') })}
              >
                Add comment
              </Button>
            </Group>
          </>
        )}
      </Stack>
    </Card>
  );
}

/** One proposal: its evidence, the discussion, the votes, the rule's verdict, and the decision with its change. */
export function ProposalPage() {
  const { number = '' } = useParams();
  const proposal = useProposal(number);
  const [withdrawing, setWithdrawing] = useState(false);
  const withdraw = useWithdraw(Number(number));
  const p = proposal.data;
  const trail = [
    { label: 'Radar', href: paths.radar },
    { label: 'Proposals', href: paths.proposals },
  ];
  if (proposal.isPending) return <LoadingSkeleton variant="form" />;
  if (proposal.isError || !p) {
    return (
      <>
        <PageHeader title={`Proposal ${number}`} trail={trail} />
        <ErrorState
          title="Could not load the proposal"
          error={proposal.error}
          onRetry={() => proposal.refetch()}
        />
      </>
    );
  }
  return (
    <>
      <PageHeader
        title={`#${p.number} ${proposalTitle(p)}`}
        trail={trail}
        badge={<ProposalStateBadge state={p.state} />}
        description={
          <>
            {p.summary} — proposed by {p.proposer}, <TimeText value={p.createdAt} />.
          </>
        }
        actions={
          p.can.withdraw && (
            <Button
              variant="default"
              color="red"
              leftSection={<IconArrowBackUp size={16} />}
              onClick={() => setWithdrawing(true)}
            >
              Withdraw
            </Button>
          )
        }
      />
      <Grid gap="xl">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Stack>
            {p.kind === 'new' && (
              <Card padding="md">
                <Text size="sm">{p.input.description}</Text>
                <Text size="sm" c="dimmed">
                  Quadrant {p.quadrant} · owner {p.input.owner}
                  {p.input.homepage && (
                    <>
                      {' · '}
                      <Anchor href={p.input.homepage} target="_blank" rel="noreferrer">
                        homepage
                      </Anchor>
                    </>
                  )}
                </Text>
              </Card>
            )}
            <Evidence proposal={p} />
            <Comments proposal={p} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Stack>
            <DecisionPanel proposal={p} />
            {!p.decision && <VotePanel proposal={p} />}
          </Stack>
        </Grid.Col>
      </Grid>
      <ConfirmDialog
        opened={withdrawing}
        title={`Withdraw proposal #${p.number}?`}
        confirmLabel="Withdraw proposal"
        danger
        busy={withdraw.isPending}
        error={withdraw.error}
        onClose={() => setWithdrawing(false)}
        onConfirm={() => withdraw.mutate(undefined, { onSuccess: () => setWithdrawing(false) })}
      >
        Voting stops and the proposal is closed as withdrawn. You can open a new one later.
      </ConfirmDialog>
    </>
  );
}
