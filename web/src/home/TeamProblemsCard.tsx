import { Anchor, Button, Card, Group, Skeleton, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconAlertTriangle, IconChevronRight, IconCircleCheck, IconUsersGroup } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import type { Problem } from '../api/catalog-types.js';
import { useTeamProblems } from '../api/location-queries.js';
import { useCurrentUser, useIsKeeper } from '../app/current-user.js';
import { problemsHref } from '../app/routes.js';
import { EntityLink } from '../catalog/EntityLink.js';
import { EditInGit, problemPlace, SeverityBadge } from '../catalog/ProblemItem.js';
import { ErrorState } from '../components/ErrorState.js';

const SHOWN = 5;

function ProblemRow({ problem }: { problem: Problem }) {
  return (
    <Group
      justify="space-between"
      align="flex-start"
      wrap="nowrap"
      p="sm"
      className="plinth-row"
      data-testid="team-problem"
    >
      <Group align="flex-start" gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
        <SeverityBadge severity={problem.severity} />
        <Stack gap={2} style={{ minWidth: 0 }}>
          <Text size="sm" lineClamp={2} title={problem.message}>
            {problem.message}
          </Text>
          <Group gap="xs">
            {problem.entityRef && <EntityLink entityRef={problem.entityRef} size="xs" />}
            <Text size="xs" c="dimmed" ff="monospace">
              {problem.location.name} · {problemPlace(problem)}
            </Text>
          </Group>
        </Stack>
      </Group>
      <EditInGit url={problem.editUrl} />
    </Group>
  );
}

function CardTitle() {
  return (
    <Group gap="sm" mb="sm">
      <ThemeIcon variant="light" size={32} radius="md">
        <IconAlertTriangle size={18} />
      </ThemeIcon>
      <Title order={2} size="h3">
        Problems in your teams’ entities
      </Title>
    </Group>
  );
}

function Quiet({ icon, children }: { icon: React.ReactNode; children: React.ReactNode }) {
  return (
    <Group gap="sm" wrap="nowrap" p="sm" data-testid="team-problems-empty">
      {icon}
      <Text size="sm" c="dimmed">
        {children}
      </Text>
    </Group>
  );
}

function ProblemsList({ teams }: { teams: string[] }) {
  const isKeeper = useIsKeeper();
  const [expanded, setExpanded] = useState(false);
  const problems = useTeamProblems(teams);
  if (problems.isPending) return <Skeleton height={80} radius="md" />;
  if (problems.error) {
    return (
      <ErrorState
        title="Could not load your teams’ problems"
        error={problems.error}
        onRetry={() => problems.refetch()}
      />
    );
  }
  if (problems.items.length === 0) {
    return (
      <Quiet icon={<IconCircleCheck size={22} color="var(--mantine-color-teal-filled)" />}>
        None — your teams’ catalog entries are valid.
      </Quiet>
    );
  }
  const ordered = [...problems.items].sort((a, b) =>
    a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1,
  );
  const count = `${ordered.length}${problems.hasMore ? '+' : ''}`;
  // Keepers have a page of every problem; for one team it can be filtered to that team.
  const seeAll = isKeeper && problemsHref(teams.length === 1 ? { owner: `group:default/${teams[0]}` } : {});
  return (
    <Stack gap="xs">
      {(expanded ? ordered : ordered.slice(0, SHOWN)).map((p) => (
        <ProblemRow key={`${p.location.id}:${p.file}:${p.line}:${p.column}:${p.message}`} problem={p} />
      ))}
      {ordered.length > SHOWN &&
        (seeAll ? (
          <Anchor component={Link} to={seeAll} size="sm" mt={4}>
            <Group gap={2} component="span">
              See all {count} problems <IconChevronRight size={14} />
            </Group>
          </Anchor>
        ) : (
          <Button variant="subtle" size="compact-sm" w="fit-content" onClick={() => setExpanded(!expanded)}>
            {expanded ? 'Show the first five' : `See all ${count} problems`}
          </Button>
        ))}
    </Stack>
  );
}

/** Home: problems in the catalog entities owned by the signed-in person's teams, with where to fix them. */
export function TeamProblemsCard() {
  const user = useCurrentUser();
  const teams = user.teams.map((t) => t.name);
  return (
    <Card data-testid="team-problems" style={{ flex: 1 }}>
      <CardTitle />
      {teams.length === 0 ? (
        <Quiet icon={<IconUsersGroup size={22} />}>
          Problems in the catalog entries your teams own appear here once you are in a team.
        </Quiet>
      ) : (
        <ProblemsList teams={teams} />
      )}
    </Card>
  );
}
