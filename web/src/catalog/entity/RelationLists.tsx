import { Anchor, Button, Card, Group, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconBinaryTree2, IconChevronRight } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import type { Relation } from '../../api/catalog-types.js';
import { EmptyState } from '../../components/EmptyState.js';
import { EntityLink } from '../EntityLink.js';
import { compareRelationTypes, relationLabel } from '../refs.js';

const VISIBLE = 8;

function RelationGroup({ type, relations }: { type: string; relations: Relation[] }) {
  const [expanded, setExpanded] = useState(false);
  const shown = expanded ? relations : relations.slice(0, VISIBLE);
  return (
    <Stack gap={6} data-relation={type}>
      <Group gap={6}>
        <Text size="xs" fw={700} c="dimmed" tt="uppercase" style={{ letterSpacing: 0.5 }}>
          {relationLabel(type)}
        </Text>
        <Text size="xs" c="dimmed">
          {relations.length}
        </Text>
      </Group>
      {shown.map((r) => (
        <EntityLink key={r.target} entityRef={r.target} title={r.targetTitle} exists={r.exists} />
      ))}
      {relations.length > VISIBLE && (
        <Button variant="subtle" size="compact-xs" w="fit-content" onClick={() => setExpanded(!expanded)}>
          {expanded ? 'Show fewer' : `Show all ${relations.length}`}
        </Button>
      )}
    </Stack>
  );
}

/** Props of {@link RelationLists}. */
export interface RelationListsProps {
  relations: Relation[];
  /** Link to the graph of these relations. */
  graphHref: string;
  /** Relation types already listed elsewhere on the page. */
  exclude?: readonly string[];
}

/** The entity's relations grouped by type, each a list of links; dangling ones are marked. */
export function RelationLists({ relations, graphHref, exclude = [] }: RelationListsProps) {
  const groups = new Map<string, Relation[]>();
  for (const r of relations) {
    if (exclude.includes(r.type)) continue;
    groups.set(r.type, [...(groups.get(r.type) ?? []), r]);
  }
  const types = [...groups.keys()].sort(compareRelationTypes);
  return (
    <Card p="lg" data-testid="relation-lists">
      <Group justify="space-between" mb="md" wrap="nowrap">
        <Group gap="sm" wrap="nowrap">
          <ThemeIcon variant="light" size={32} radius="md" aria-hidden="true">
            <IconBinaryTree2 size={18} />
          </ThemeIcon>
          <Title order={2} size="h3">
            Relations
          </Title>
        </Group>
        {relations.length > 0 && (
          <Anchor component={Link} to={graphHref} size="sm">
            <Group gap={2} component="span">
              See the graph <IconChevronRight size={14} />
            </Group>
          </Anchor>
        )}
      </Group>
      {relations.length > 0 && types.length === 0 && (
        <Text size="sm" c="dimmed">
          Its relations are listed beside; the graph shows them all.
        </Text>
      )}
      {relations.length === 0 ? (
        <EmptyState size="sm" icon={<IconBinaryTree2 size={22} />} title="No relations">
          Nothing points here and this entity names no owner, system, API or dependency in the catalog.
        </EmptyState>
      ) : (
        <Stack gap="lg" display={types.length === 0 ? 'none' : undefined}>
          {types.map((type) => (
            <RelationGroup key={type} type={type} relations={groups.get(type) ?? []} />
          ))}
        </Stack>
      )}
    </Card>
  );
}
