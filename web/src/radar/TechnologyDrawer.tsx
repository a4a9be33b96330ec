import { Anchor, Badge, Button, Divider, Drawer, Group, Stack, Text, Timeline, Title } from '@mantine/core';
import { IconArrowsExchange, IconExternalLink, IconLayoutGrid } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useProposals } from '../api/radar-queries.js';
import type { Blip, RadarView } from '../api/radar-types.js';
import { entityHref, newProposalHref, proposalHref } from '../app/routes.js';
import { BlipMarker } from './BlipMark.js';
import { ProposalStateBadge } from './ProposalStateBadge.js';
import { quadrantColor } from './radar-geometry.js';

const refName = (ref: string) => ref.replace(/^[^:]+:(default\/)?/, '');

function OpenProposals({ technology }: { technology: string }) {
  const proposals = useProposals({ technology });
  const items = proposals.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <>
      <Divider label="Proposals" labelPosition="left" />
      <Stack gap={4}>
        {items.map((p) => (
          <Group key={p.id} gap="xs" wrap="nowrap">
            <ProposalStateBadge state={p.state} />
            <Anchor component={Link} to={proposalHref(p.number)} size="sm">
              #{p.number} {p.kind === 'move' ? `to ${p.targetRing}` : `in ${p.targetRing}`}
            </Anchor>
          </Group>
        ))}
      </Stack>
    </>
  );
}

/** One technology in detail: what it is, its moves with dates and reasons, who owns it, where to go next. */
export function TechnologyDrawer({
  radar,
  blip,
  onClose,
}: {
  radar: RadarView;
  blip: Blip | null;
  onClose: () => void;
}) {
  const quadrantIndex = radar.quadrants.findIndex((q) => q.id === blip?.quadrant);
  const quadrant = radar.quadrants[quadrantIndex];
  const ring = radar.rings.find((r) => r.id === blip?.ring);
  return (
    <Drawer
      opened={blip !== null}
      onClose={onClose}
      position="right"
      size="md"
      title={
        blip && (
          <Title order={2} size="h3">
            {blip.number}. {blip.title}
          </Title>
        )
      }
      data-testid="technology-drawer"
    >
      {blip && (
        <Stack gap="md">
          <Group gap="xs">
            <Badge color={quadrantColor(quadrantIndex, 7)} variant="filled">
              {ring?.title}
            </Badge>
            <Badge variant="light" color="gray">
              {quadrant?.title}
            </Badge>
            {blip.change && (
              <Badge
                variant="outline"
                color="gray"
                leftSection={<BlipMarker change={blip.change} color={quadrantColor(quadrantIndex, 7)} />}
              >
                {blip.change === 'new' ? 'New' : 'Moved'} {blip.movedAt}
              </Badge>
            )}
          </Group>
          {blip.description && <Text>{blip.description}</Text>}
          <Text size="sm" c="dimmed">
            {ring?.description}.
          </Text>
          <Group gap="xs">
            <Button
              component={Link}
              to={newProposalHref(blip.name)}
              leftSection={<IconArrowsExchange size={16} />}
            >
              Propose a move
            </Button>
            <Button
              component={Link}
              to={entityHref(blip.ref)}
              variant="default"
              leftSection={<IconLayoutGrid size={16} />}
            >
              Open in catalog
            </Button>
          </Group>
          <Divider label="History of moves" labelPosition="left" />
          {blip.history.length === 0 ? (
            <Text size="sm" c="dimmed">
              No moves recorded: it was placed in {ring?.title} when the radar began.
            </Text>
          ) : (
            <Timeline active={blip.history.length - 1} bulletSize={14} lineWidth={2}>
              {[...blip.history].reverse().map((h) => (
                <Timeline.Item
                  key={`${h.date}-${h.ring}`}
                  title={`${h.date} · ${radar.rings.find((r) => r.id === h.ring)?.title ?? h.ring}`}
                >
                  <Text size="sm" c="dimmed">
                    {h.reason ?? 'No reason recorded'}
                  </Text>
                </Timeline.Item>
              ))}
            </Timeline>
          )}
          <Divider label="Owner and links" labelPosition="left" />
          <Stack gap={4}>
            {blip.owner && (
              <Text size="sm">
                Owner:{' '}
                <Anchor component={Link} to={entityHref(blip.owner)}>
                  {refName(blip.owner)}
                </Anchor>
              </Text>
            )}
            {blip.homepage && (
              <Anchor href={blip.homepage} target="_blank" rel="noreferrer" size="sm">
                <IconExternalLink size={14} /> Homepage
              </Anchor>
            )}
            {blip.links.map((l) => (
              <Anchor key={l.url} href={l.url} target="_blank" rel="noreferrer" size="sm">
                <IconExternalLink size={14} /> {l.title ?? l.url}
              </Anchor>
            ))}
            <Text size="xs" c="dimmed">
              Defined in {blip.source.file}, line {blip.source.line} ({blip.source.location} location)
            </Text>
          </Stack>
          <OpenProposals technology={blip.name} />
        </Stack>
      )}
    </Drawer>
  );
}
