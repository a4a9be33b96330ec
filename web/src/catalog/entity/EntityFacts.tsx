import { Card, Divider, Grid, SimpleGrid, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import type { EntityDetail } from '../../api/catalog-types.js';
import { LifecycleBadge, TagList } from '../EntityBadges.js';
import { OwnerLink } from '../EntityLink.js';
import { kindHasLifecycle, kindHasOwner } from '../kinds.js';
import { EntityLinks } from './EntityLinks.js';
import { EntitySource } from './EntitySource.js';
import { writtenEntity } from './spec.js';

/** One labelled fact of the header card. */
export function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={4} style={{ minWidth: 0 }}>
      <Text size="xs" fw={700} c="dimmed" tt="uppercase" style={{ letterSpacing: 0.5 }}>
        {label}
      </Text>
      <div>{children}</div>
    </Stack>
  );
}

function MainFacts({ detail }: { detail: EntityDetail }) {
  const facts: { label: string; span: number; node: ReactNode }[] = [];
  if (detail.owner || kindHasOwner(detail.kind)) {
    facts.push({ label: 'Owner', span: 3, node: <OwnerLink owner={detail.owner} /> });
  }
  if (detail.lifecycle || kindHasLifecycle(detail.kind)) {
    facts.push({ label: 'Lifecycle', span: 2, node: <LifecycleBadge lifecycle={detail.lifecycle} /> });
  }
  facts.push({
    label: 'Type',
    span: 2,
    node: (
      <Text size="sm" c={detail.type ? undefined : 'dimmed'}>
        {detail.type ?? '—'}
      </Text>
    ),
  });
  // Where it is written takes what the other facts leave of the row.
  const used = facts.reduce((sum, f) => sum + f.span, 0);
  facts.push({
    label: 'Defined in',
    span: Math.max(5, 12 - used),
    node: <EntitySource source={detail.source} />,
  });
  return (
    <Grid gap="lg">
      {facts.map((fact) => (
        <Grid.Col key={fact.label} span={{ base: 12, sm: 6, lg: fact.span }}>
          <Fact label={fact.label}>{fact.node}</Fact>
        </Grid.Col>
      ))}
    </Grid>
  );
}

/** The facts everyone looks for first: owner, lifecycle, type, tags, where it is written, and its links. */
export function EntityFacts({ detail }: { detail: EntityDetail }) {
  const links = writtenEntity(detail).metadata?.links ?? [];
  return (
    <Card p="lg" mb="lg" data-testid="entity-facts">
      <MainFacts detail={detail} />
      {(detail.tags.length > 0 || links.length > 0) && <Divider my="md" />}
      <SimpleGrid cols={{ base: 1, lg: links.length > 0 && detail.tags.length > 0 ? 2 : 1 }} spacing="lg">
        {detail.tags.length > 0 && (
          <Fact label="Tags">
            <TagList tags={detail.tags} max={20} />
          </Fact>
        )}
        {links.length > 0 && (
          <Fact label="Links">
            <EntityLinks links={links} />
          </Fact>
        )}
      </SimpleGrid>
    </Card>
  );
}
