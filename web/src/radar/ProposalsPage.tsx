import { Anchor, Button, Card, Group, SegmentedControl, Table, Text } from '@mantine/core';
import { IconPlus, IconScale } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useProposals } from '../api/radar-queries.js';
import { newProposalHref, paths, proposalHref } from '../app/routes.js';
import { EmptyState } from '../components/EmptyState.js';
import { ErrorState } from '../components/ErrorState.js';
import { LoadingSkeleton } from '../components/LoadingSkeleton.js';
import { PageHeader } from '../components/PageHeader.js';
import { TimeText } from '../components/TimeText.js';
import { useUrlFilters } from '../components/use-url-filters.js';
import { ProposalStateBadge } from './ProposalStateBadge.js';

const KEYS = ['state'] as const;
const STATES = ['open', 'accepted', 'rejected', 'withdrawn'];

/** Every proposal to change the radar, newest first, filtered by state. */
export function ProposalsPage() {
  const [filters, setFilter] = useUrlFilters(KEYS);
  const state = STATES.includes(filters.state ?? '') ? filters.state : undefined;
  const proposals = useProposals({ state });
  const items = proposals.data?.items ?? [];
  return (
    <>
      <PageHeader
        title="Proposals"
        trail={[{ label: 'Radar', href: paths.radar }]}
        description="Proposals to add a technology to the radar or move one to another ring. Keepers and team representatives vote; a Keeper decides under the configured rule."
        actions={
          <Button component={Link} to={newProposalHref()} leftSection={<IconPlus size={16} />}>
            Propose a technology
          </Button>
        }
      />
      <SegmentedControl
        mb="md"
        aria-label="State"
        data={[
          { value: 'all', label: 'All' },
          ...STATES.map((s) => ({ value: s, label: s[0]?.toUpperCase() + s.slice(1) })),
        ]}
        value={state ?? 'all'}
        onChange={(value) => setFilter('state', value === 'all' ? null : value)}
      />
      <Card padding={0}>
        {proposals.isPending ? (
          <LoadingSkeleton rows={4} />
        ) : proposals.isError ? (
          <ErrorState
            title="Could not load the proposals"
            error={proposals.error}
            onRetry={() => proposals.refetch()}
          />
        ) : items.length === 0 ? (
          <EmptyState
            icon={<IconScale size={28} />}
            title={state ? `No ${state} proposals` : 'No proposals yet'}
            action={
              <Button component={Link} to={newProposalHref()} leftSection={<IconPlus size={16} />}>
                Propose a technology
              </Button>
            }
          >
            A proposal brings a technology onto the radar or moves it, with evidence for six criteria. Open a
            technology on the radar and choose “Propose a move”, or propose a new one.
          </EmptyState>
        ) : (
          <Table highlightOnHover verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>#</Table.Th>
                <Table.Th>Proposal</Table.Th>
                <Table.Th>State</Table.Th>
                <Table.Th>Proposed by</Table.Th>
                <Table.Th>Last activity</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Td>{p.number}</Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={proposalHref(p.number)} fw={600}>
                      {p.kind === 'move'
                        ? `Move ${p.title} from ${p.fromRing} to ${p.targetRing}`
                        : `Add ${p.title} in ${p.targetRing}`}
                    </Anchor>
                    <Text size="sm" c="dimmed" lineClamp={1}>
                      {p.summary}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <ProposalStateBadge state={p.state} />
                  </Table.Td>
                  <Table.Td>{p.proposer}</Table.Td>
                  <Table.Td>
                    <TimeText value={p.updatedAt} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Card>
      <Group mt="sm">
        <Text size="xs" c="dimmed">
          From a terminal: <code>plinth radar propose</code>, <code>plinth radar show 12</code>.
        </Text>
      </Group>
    </>
  );
}
