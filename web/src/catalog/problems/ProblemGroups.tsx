import { Anchor, Card, Group, Stack, Table, Text, Tooltip } from '@mantine/core';
import { IconFileCode, IconGitBranch } from '@tabler/icons-react';
import { Link } from 'react-router';
import { MAX_EXISTENCE_CHECKS, useEntitiesExist } from '../../api/catalog-queries.js';
import type { Problem } from '../../api/catalog-types.js';
import { locationHistoryHref } from '../../app/routes.js';
import { CopyButton } from '../../components/CopyButton.js';
import { EntityLink } from '../EntityLink.js';
import { EditInGit, ProblemMessage, problemPlace, SeverityBadge } from '../ProblemItem.js';
import { parseRef } from '../refs.js';
import { type FileProblems, groupProblems } from './group-problems.js';

function EntityCell({ entityRef, exists }: { entityRef: string | null; exists: boolean | undefined }) {
  if (!entityRef) {
    return (
      <Text size="sm" c="dimmed">
        —
      </Text>
    );
  }
  if (exists) return <EntityLink entityRef={entityRef} size="sm" />;
  return (
    <Tooltip label="Not loaded: the entity's file has an error, so it is not in the catalog">
      <Text size="sm" ff="monospace" c="dimmed">
        {parseRef(entityRef).name}
      </Text>
    </Tooltip>
  );
}

function FileGroup({ group, existing }: { group: FileProblems; existing: Set<string> | undefined }) {
  // Folder locations and unknown git hosts have no editor link; their column would stay empty.
  const hasEditLinks = group.problems.some((p) => p.editUrl);
  return (
    <Stack gap={0} data-file={group.file}>
      <Group gap={6} px="md" py="xs" bg="var(--plinth-muted-surface)">
        <IconFileCode size={16} stroke={1.7} aria-hidden="true" />
        <Text size="sm" ff="monospace" fw={600}>
          {group.file}
        </Text>
        <CopyButton value={group.file} label="file path" />
        <Text size="xs" c="dimmed">
          {group.problems.length} {group.problems.length === 1 ? 'problem' : 'problems'}
        </Text>
      </Group>
      <Table verticalSpacing="sm" layout="fixed">
        <Table.Tbody>
          {group.problems.map((problem) => (
            <Table.Tr key={`${problem.line}:${problem.column}:${problem.message}`} data-testid="problem-row">
              <Table.Td w={126}>
                <SeverityBadge severity={problem.severity} />
              </Table.Td>
              <Table.Td w={90}>
                <Text size="sm" ff="monospace" title={`${group.file}:${problemPlace(problem, false)}`}>
                  {problemPlace(problem, false)}
                </Text>
              </Table.Td>
              <Table.Td>
                <ProblemMessage problem={problem} />
              </Table.Td>
              <Table.Td w={200}>
                <EntityCell
                  entityRef={problem.entityRef}
                  exists={problem.entityRef ? existing?.has(problem.entityRef) : false}
                />
              </Table.Td>
              {hasEditLinks && (
                <Table.Td w={130} ta="right">
                  <EditInGit url={problem.editUrl} />
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

/** Problems grouped by location, then by file, each at its line and column. */
export function ProblemGroups({ problems }: { problems: Problem[] }) {
  const refs = problems.flatMap((p) => (p.entityRef ? [p.entityRef] : []));
  const checks = useEntitiesExist(refs);
  // Too many to check: link them all, and the entity page explains any that did not load.
  const existing = new Set(refs).size > MAX_EXISTENCE_CHECKS ? new Set(refs) : checks.data;
  return (
    <Stack gap="lg">
      {groupProblems(problems).map((group) => (
        <Card key={group.location.id} p={0} data-location={group.location.name}>
          <Group justify="space-between" p="md">
            <Group gap="sm">
              <IconGitBranch size={18} stroke={1.7} aria-hidden="true" />
              <Text fw={650}>{group.location.name}</Text>
              <Text size="sm" c="dimmed">
                {group.count} {group.count === 1 ? 'problem' : 'problems'} in {group.files.length}{' '}
                {group.files.length === 1 ? 'file' : 'files'}
              </Text>
            </Group>
            <Anchor component={Link} to={locationHistoryHref(group.location.name)} size="sm">
              Location history
            </Anchor>
          </Group>
          {group.files.map((file) => (
            <FileGroup key={file.file} group={file} existing={existing} />
          ))}
        </Card>
      ))}
    </Stack>
  );
}
