import { Box, Card, Group, Loader, SegmentedControl, Stack, Text } from '@mantine/core';
import { useElementSize } from '@mantine/hooks';
import { IconBinaryTree2 } from '@tabler/icons-react';
import { lazy, Suspense, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useEntityGraph } from '../../api/catalog-queries.js';
import { EmptyState } from '../../components/EmptyState.js';
import { ErrorState } from '../../components/ErrorState.js';
import type { RefParts } from '../refs.js';
import { formatRef } from '../refs.js';
import { GraphLegend } from './GraphLegend.js';

// React Flow is the largest part of the portal; only people who open this tab download it.
const RelationGraph = lazy(() => import('./RelationGraph.js'));

const depths = [
  { value: '1', label: '1 hop' },
  { value: '2', label: '2 hops' },
  { value: '3', label: '3 hops' },
];

function GraphLoading() {
  return (
    <Group h="100%" justify="center" aria-busy="true" aria-label="Loading">
      <Loader size="sm" />
      <Text size="sm" c="dimmed">
        Drawing the graph…
      </Text>
    </Group>
  );
}

function DepthControl({ depth, onChange }: { depth: number; onChange: (depth: number) => void }) {
  return (
    <Group gap="sm">
      <Text size="sm" fw={500} id="graph-depth-label">
        Show relations
      </Text>
      <SegmentedControl
        size="xs"
        aria-labelledby="graph-depth-label"
        value={String(depth)}
        onChange={(v) => onChange(Number(v))}
        data={depths}
        data-testid="graph-depth"
      />
    </Group>
  );
}

/** The Relations tab: the graph around the entity, with a choice of how far out it reaches. */
export function RelationsTab({ entity }: { entity: RefParts }) {
  const [params, setParams] = useSearchParams();
  const asked = Number(params.get('depth'));
  const depth = asked >= 1 && asked <= 3 ? asked : 2;
  const graph = useEntityGraph(entity, depth);
  const root = formatRef(entity);
  const setDepth = (next: number) =>
    setParams(
      (previous) => {
        const out = new URLSearchParams(previous);
        if (next === 2) out.delete('depth');
        else out.set('depth', String(next));
        return out;
      },
      { replace: true },
    );
  const kinds = [...new Set(graph.data?.nodes.map((n) => n.kind) ?? [])].sort();
  const size = useElementSize();
  const [partial, setPartial] = useState(false);
  return (
    <Card p={0}>
      <Stack gap="sm" p="md" style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}>
        <Group justify="space-between" gap="md">
          <DepthControl depth={depth} onChange={setDepth} />
          {graph.data && (
            <Text size="sm" c="dimmed" maw={620}>
              {graph.data.nodes.length} entities, {graph.data.edges.length} relations.{' '}
              {partial
                ? 'The view starts on the nearest ones: zoom out or press Fit view (bottom left) for all. '
                : ''}
              Click an entity to open it.
            </Text>
          )}
        </Group>
        {kinds.length > 0 && <GraphLegend kinds={kinds} />}
      </Stack>
      <Box
        ref={size.ref}
        h="min(78vh, 780px)"
        mih={480}
        data-testid="relation-graph"
        style={{ opacity: graph.isPlaceholderData ? 0.6 : 1 }}
      >
        {graph.isPending && <GraphLoading />}
        {graph.isError && (
          <Box p="md">
            <ErrorState
              title="Could not load the relations"
              error={graph.error}
              onRetry={() => graph.refetch()}
            />
          </Box>
        )}
        {graph.data && graph.data.nodes.length <= 1 && (
          <EmptyState icon={<IconBinaryTree2 size={28} />} title="No relations to draw">
            This entity names no owner, system, API or dependency, and nothing in the catalog points at it.
          </EmptyState>
        )}
        {graph.data && graph.data.nodes.length > 1 && size.width > 0 && (
          <Suspense fallback={<GraphLoading />}>
            <RelationGraph
              key={`${root}-${graph.dataUpdatedAt}`}
              graph={graph.data}
              root={root}
              width={size.width}
              height={size.height}
              onPartialView={setPartial}
            />
          </Suspense>
        )}
      </Box>
    </Card>
  );
}
