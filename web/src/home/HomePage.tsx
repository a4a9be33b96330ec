import { Grid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { usePlatform } from '../api/platform-queries.js';
import { useCurrentUser } from '../app/current-user.js';
import { ErrorState } from '../components/ErrorState.js';
import { usePageTitle } from '../components/use-page-title.js';
import { OpenRequestsCard } from '../requests/OpenRequestsCard.js';
import { RecentTasksCard } from '../templates/RecentTasksCard.js';
import { RecentJobsCard } from './RecentJobsCard.js';
import { StartHereCard } from './StartHereCard.js';
import { TeamProblemsCard } from './TeamProblemsCard.js';
import { TeamsCard } from './TeamsCard.js';

function greeting(hour: number): string {
  if (hour < 5) return 'Working late';
  if (hour < 12) return 'Good morning';
  if (hour < 18) return 'Good afternoon';
  return 'Good evening';
}

function Welcome() {
  const user = useCurrentUser();
  const platform = usePlatform();
  const name = platform.data?.organization.name;
  const organization = name && name !== 'Plinth' ? name : undefined;
  return (
    <Stack gap={6} mb="xl">
      {organization && (
        <Text size="sm" c="dimmed" fw={500}>
          {organization}
        </Text>
      )}
      <Title order={1}>
        {greeting(new Date().getHours())}, {user.displayName}
      </Title>
      {platform.isPending ? (
        <Skeleton height={18} width="60%" mt={4} />
      ) : (
        // A blank line in platform.yaml starts a new paragraph; single line breaks are just wrapping.
        (platform.data?.welcome ?? '')
          .split(/\n\s*\n/)
          .filter((p) => p.trim())
          .map((paragraph) => (
            <Text key={paragraph} c="dimmed" maw={760}>
              {paragraph}
            </Text>
          ))
      )}
    </Stack>
  );
}

function StartHere() {
  const platform = usePlatform();
  if (platform.isPending) return <Skeleton height={240} radius="md" />;
  if (platform.isError) {
    return (
      <ErrorState
        title="Could not load the starting points"
        error={platform.error}
        onRetry={() => platform.refetch()}
      />
    );
  }
  return <StartHereCard links={platform.data.startHere} />;
}

/** Home: a welcome for the signed-in person, where to start, their teams, problems and recent jobs, and what arrives later. */
export function HomePage() {
  usePageTitle(['Home']);
  return (
    <>
      <Welcome />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <StartHere />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Stack gap="lg" h="100%">
            <TeamsCard />
            <TeamProblemsCard />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <RecentJobsCard />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <RecentTasksCard />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <OpenRequestsCard />
        </Grid.Col>
      </Grid>
    </>
  );
}
