import { Button, Code, Group, Stack, Text, Tooltip } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import type { Problem } from '../api/catalog-types.js';
import { StateBadge } from '../components/StateBadge.js';

/** A problem's severity as a chip with words: errors keep the entity out, warnings do not. */
export function SeverityBadge({ severity }: { severity: Problem['severity'] }) {
  return (
    <Tooltip
      label={
        severity === 'error'
          ? 'Plinth cannot load the entity as written until this is fixed'
          : 'The entity is in the catalog; this is worth fixing'
      }
    >
      <span style={{ flexShrink: 0 }}>
        <StateBadge tone={severity === 'error' ? 'danger' : 'warn'}>
          {severity === 'error' ? 'Error' : 'Warning'}
        </StateBadge>
      </span>
    </Tooltip>
  );
}

/** `file:line:col` as people paste it into an editor. */
export function problemPlace(problem: Problem, withFile = true): string {
  return `${withFile ? `${problem.file}:` : ''}${problem.line}:${problem.column}`;
}

/** An "Edit in git" link for a problem, when its location is a git host Plinth knows. */
export function EditInGit({ url, size = 'xs' }: { url: string | null; size?: 'xs' | 'sm' }) {
  if (!url) return null;
  return (
    <Button
      component="a"
      href={url}
      target="_blank"
      rel="noreferrer"
      variant="light"
      size={size}
      leftSection={<IconPencil size={14} />}
    >
      Edit in git
    </Button>
  );
}

/** The message of a problem with its field and code small beneath. */
export function ProblemMessage({ problem }: { problem: Problem }) {
  return (
    <Stack gap={2}>
      <Text size="sm">{problem.message}</Text>
      <Group gap={6}>
        <Code fz="xs">{problem.code}</Code>
        {problem.field && (
          <Text size="xs" c="dimmed" ff="monospace">
            {problem.field}
          </Text>
        )}
      </Group>
    </Stack>
  );
}
