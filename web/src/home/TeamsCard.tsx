import { Anchor, Card, Group, Stack, Text } from '@mantine/core';
import { IconUsersGroup } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useCurrentUser, useIsKeeper } from '../app/current-user.js';
import { teamHref } from '../app/routes.js';
import { EmptyState } from '../components/EmptyState.js';
import { HomeCardHeader } from './HomeCardHeader.js';

/** The teams the signed-in person belongs to. */
export function TeamsCard() {
  const user = useCurrentUser();
  const isKeeper = useIsKeeper();
  return (
    <Card>
      <HomeCardHeader icon={<IconUsersGroup size={18} />} title="Your teams" />
      {user.teams.length === 0 ? (
        <EmptyState size="sm" icon={<IconUsersGroup size={22} />} title="You are not in a team yet">
          Teams own catalog entries, share a vault and see each other’s jobs. A Keeper adds you to yours.
        </EmptyState>
      ) : (
        <Stack gap="xs">
          {user.teams.map((team) => (
            <Group key={team.name} justify="space-between" p="sm" className="plinth-row">
              <Stack gap={0}>
                {isKeeper ? (
                  <Anchor component={Link} to={teamHref(team.name)} fw={600} size="sm">
                    {team.title}
                  </Anchor>
                ) : (
                  <Text fw={600} size="sm">
                    {team.title}
                  </Text>
                )}
                <Text size="xs" c="dimmed" ff="monospace">
                  {team.name}
                </Text>
              </Stack>
            </Group>
          ))}
        </Stack>
      )}
    </Card>
  );
}
