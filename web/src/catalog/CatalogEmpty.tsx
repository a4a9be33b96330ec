import { Button, Code, Group, Paper, Stack, Text } from '@mantine/core';
import { IconCategory2, IconFilterOff, IconGitBranch, IconLifebuoy } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useIsKeeper } from '../app/current-user.js';
import { paths } from '../app/routes.js';
import { CopyButton } from '../components/CopyButton.js';
import { EmptyState } from '../components/EmptyState.js';

const example = `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: flux-solver
  title: Flux solver
  description: Transport equations on the lab's meshes.
spec:
  type: library
  lifecycle: production
  owner: my-team`;

/** The catalog has no entity at all: how it gets filled, and who can do it. */
export function CatalogIsEmpty() {
  const isKeeper = useIsKeeper();
  return (
    <EmptyState
      icon={<IconCategory2 size={28} />}
      title="The catalog is empty"
      action={
        isKeeper ? (
          <Button component={Link} to={paths.locations} leftSection={<IconGitBranch size={16} />}>
            Add a catalog location
          </Button>
        ) : (
          <Button
            component={Link}
            to={paths.requests}
            variant="light"
            leftSection={<IconLifebuoy size={16} />}
          >
            Ask the Keepers
          </Button>
        )
      }
    >
      <Stack gap="sm" align="center">
        <Text size="sm" c="dimmed" maw={560}>
          Plinth reads the catalog from YAML files in git: each file describes a tool, data set, service or
          team and who owns it. Keepers point Plinth at a repository (a catalog location) and every commit
          there shows up here. A file looks like this:
        </Text>
        <Paper p="sm" bg="var(--plinth-muted-surface)" ta="left" w="100%" maw={520}>
          <Group justify="space-between" align="flex-start" wrap="nowrap">
            <Code block bg="transparent" fz="xs" c="var(--mantine-color-text)">
              {example}
            </Code>
            <CopyButton value={example} label="example" />
          </Group>
        </Paper>
      </Stack>
    </EmptyState>
  );
}

/** Filters that match nothing: say so and offer the way back. */
export function NothingMatches({ onClear }: { onClear: () => void }) {
  return (
    <EmptyState
      icon={<IconFilterOff size={28} />}
      title="Nothing matches these filters"
      action={
        <Button variant="light" onClick={onClear} leftSection={<IconFilterOff size={16} />}>
          Clear filters
        </Button>
      }
    >
      Remove a filter or try other words: search looks at names, titles, descriptions and tags.
    </EmptyState>
  );
}
