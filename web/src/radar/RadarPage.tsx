import { Alert, Box, Button, Card, Group, SegmentedControl, Switch, Text } from '@mantine/core';
import { IconListDetails, IconPlus, IconPrinter, IconRadar2 } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { useRadar } from '../api/radar-queries.js';
import type { Blip, RadarView } from '../api/radar-types.js';
import { newProposalHref, paths } from '../app/routes.js';
import { EmptyState } from '../components/EmptyState.js';
import { ErrorState } from '../components/ErrorState.js';
import { LoadingSkeleton } from '../components/LoadingSkeleton.js';
import { PageHeader } from '../components/PageHeader.js';
import { useUrlFilters } from '../components/use-url-filters.js';
import { BlipMarker } from './BlipMark.js';
import { RadarChart } from './RadarChart.js';
import { RadarLegend } from './RadarLegend.js';
import { TechnologyDrawer } from './TechnologyDrawer.js';
import './radar.css';

const KEYS = ['quadrant', 'moved', 'tech'] as const;

function Key({ recentDays }: { recentDays: number }) {
  return (
    <Group gap="lg" className="radar-key">
      <Group gap={6}>
        <BlipMarker change={null} color="var(--mantine-color-gray-6)" />
        <Text size="xs">No change</Text>
      </Group>
      <Group gap={6}>
        <BlipMarker change="moved" color="var(--mantine-color-gray-6)" />
        <Text size="xs">Moved in the last {recentDays} days</Text>
      </Group>
      <Group gap={6}>
        <BlipMarker change="new" color="var(--mantine-color-gray-6)" />
        <Text size="xs">New in the last {recentDays} days</Text>
      </Group>
    </Group>
  );
}

/** The technology radar: the drawing with its legend beside it, filters in the URL, a drawer per technology. */
export function RadarPage() {
  const radar = useRadar();
  return (
    <>
      <PageHeader
        title="Technology radar"
        description="What the organization adopts, trials, assesses or holds, and why. Anyone may propose a new technology or a move; Keepers and team representatives vote."
        actions={
          <Group gap="xs" className="radar-noprint">
            <Button
              component={Link}
              to={paths.proposals}
              variant="default"
              leftSection={<IconListDetails size={16} />}
            >
              Proposals
            </Button>
            <Button variant="default" leftSection={<IconPrinter size={16} />} onClick={() => window.print()}>
              Print
            </Button>
            <Button component={Link} to={newProposalHref()} leftSection={<IconPlus size={16} />}>
              Propose a technology
            </Button>
          </Group>
        }
      />
      {radar.isPending ? (
        <LoadingSkeleton variant="cards" rows={4} />
      ) : radar.isError ? (
        <ErrorState title="Could not load the radar" error={radar.error} onRetry={() => radar.refetch()} />
      ) : radar.data.blips.length === 0 && radar.data.notPlaced.length === 0 ? (
        <EmptyState
          icon={<IconRadar2 size={28} />}
          title="The radar is empty"
          action={
            <Button component={Link} to={newProposalHref()} leftSection={<IconPlus size={16} />}>
              Propose a technology
            </Button>
          }
        >
          Technologies are catalog entities of kind Technology in the platform repo. Propose the first one, or
          ask the Keepers to add the ones you already use.
        </EmptyState>
      ) : (
        <RadarBody data={radar.data} />
      )}
    </>
  );
}

function RadarBody({ data }: { data: RadarView }) {
  const [filters, setFilter] = useUrlFilters(KEYS);
  const [highlighted, setHighlighted] = useState<number | null>(null);
  const quadrant = data.quadrants.some((q) => q.id === filters.quadrant) ? (filters.quadrant ?? null) : null;
  const blips = useMemo(
    () =>
      data.blips.filter(
        (b) => (!quadrant || b.quadrant === quadrant) && (filters.moved !== 'true' || b.moved),
      ),
    [data, quadrant, filters.moved],
  );
  const selected = data.blips.find((b) => b.name === filters.tech) ?? null;
  const select = (blip: Blip | null) => setFilter('tech', blip?.name);
  return (
    <>
      <Group mb="md" gap="lg" align="flex-end" className="radar-noprint">
        <SegmentedControl
          aria-label="Quadrant"
          data={[
            { value: 'all', label: 'All quadrants' },
            ...data.quadrants.map((q) => ({ value: q.id, label: q.title })),
          ]}
          value={quadrant ?? 'all'}
          onChange={(value) => setFilter('quadrant', value === 'all' ? null : value)}
        />
        <Switch
          label="Moved recently"
          checked={filters.moved === 'true'}
          onChange={(e) => setFilter('moved', e.currentTarget.checked ? 'true' : null)}
        />
      </Group>
      {data.notPlaced.length > 0 && (
        <Alert
          color="yellow"
          variant="light"
          mb="md"
          title="Not placed on the radar"
          className="radar-noprint"
        >
          {data.notPlaced.map((n) => (
            <Text key={n.ref} size="sm">
              {n.title}: {n.reason}
            </Text>
          ))}
        </Alert>
      )}
      <div className="radar-layout">
        <div className="radar-drawing">
          <Card padding="sm">
            <RadarChart
              radar={data}
              blips={blips}
              quadrant={quadrant}
              highlighted={highlighted}
              onSelect={select}
            />
            <Key recentDays={data.recentDays} />
          </Card>
        </div>
        <div className="radar-side">
          <Box>
            {blips.length === 0 ? (
              <EmptyState icon={<IconRadar2 size={24} />} title="Nothing moved recently" size="sm">
                No technology {quadrant ? 'in this quadrant ' : ''}changed ring in the last {data.recentDays}{' '}
                days. Turn off “Moved recently” to see them all.
              </EmptyState>
            ) : (
              <RadarLegend
                radar={data}
                blips={blips}
                quadrant={quadrant}
                highlighted={highlighted}
                onHighlight={setHighlighted}
                onSelect={select}
              />
            )}
          </Box>
        </div>
      </div>
      <TechnologyDrawer radar={data} blip={selected} onClose={() => select(null)} />
    </>
  );
}
