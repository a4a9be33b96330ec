import { Card, Group, Stack, Text } from '@mantine/core';
import type { Problem } from '../../api/catalog-types.js';
import { CopyButton } from '../../components/CopyButton.js';
import { EditInGit, ProblemMessage, problemPlace, SeverityBadge } from '../ProblemItem.js';

function ProblemCard({ problem, path }: { problem: Problem; path: string }) {
  const place = `${path}:${problemPlace(problem, false)}`;
  return (
    <Card p="md" data-testid="entity-problem">
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="md">
        <Group align="flex-start" wrap="nowrap" gap="md" style={{ minWidth: 0 }}>
          <SeverityBadge severity={problem.severity} />
          <Stack gap={6} style={{ minWidth: 0 }}>
            <ProblemMessage problem={problem} />
            <Group gap={2}>
              <Text size="xs" ff="monospace" c="dimmed">
                {place}
              </Text>
              <CopyButton value={place} label="file, line and column" />
            </Group>
          </Stack>
        </Group>
        <EditInGit url={problem.editUrl} />
      </Group>
    </Card>
  );
}

/** What is wrong in the entity's file, at line and column, with a way to fix it in git. */
export function ProblemsTab({ problems, path }: { problems: Problem[]; path: string }) {
  const ordered = [...problems].sort((a, b) =>
    a.severity === b.severity ? a.line - b.line : a.severity === 'error' ? -1 : 1,
  );
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed" maw={760}>
        Fix these in the entity's file and commit: Plinth picks the change up at its next sync.
      </Text>
      {ordered.map((problem) => (
        <ProblemCard
          key={`${problem.line}:${problem.column}:${problem.message}`}
          problem={problem}
          path={path}
        />
      ))}
    </Stack>
  );
}
