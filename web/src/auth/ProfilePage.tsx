import { Anchor, Badge, Card, Grid, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconKey } from '@tabler/icons-react';
import { type ReactNode, useEffect } from 'react';
import { Link, useLocation } from 'react-router';
import { useCurrentUser } from '../app/current-user.js';
import { paths } from '../app/routes.js';
import { CopyButton } from '../components/CopyButton.js';
import { PageHeader } from '../components/PageHeader.js';
import { StateBadge } from '../components/StateBadge.js';
import { TimeText } from '../components/TimeText.js';
import { ChangePasswordForm } from './ChangePasswordForm.js';

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" fw={600} tt="uppercase" style={{ letterSpacing: 0.4 }}>
        {label}
      </Text>
      <div>{children}</div>
    </Stack>
  );
}

function AccountCard() {
  const user = useCurrentUser();
  return (
    <Card>
      <Title order={2} size="h3" mb="md">
        Account
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg" verticalSpacing="md">
        <Field label="Display name">
          <Text size="sm">{user.displayName}</Text>
        </Field>
        <Field label="Username">
          <Group gap={4}>
            <Text size="sm" ff="monospace">
              {user.username}
            </Text>
            <CopyButton value={user.username} label="username" />
          </Group>
        </Field>
        <Field label="Email">
          <Text size="sm" c={user.email ? undefined : 'dimmed'}>
            {user.email ?? 'Not set'}
          </Text>
        </Field>
        <Field label="Role">
          <StateBadge tone={user.role === 'keeper' ? 'info' : 'off'}>
            {user.role === 'keeper' ? 'Keeper' : 'Member'}
          </StateBadge>
        </Field>
        <Field label="Teams">
          {user.teams.length === 0 ? (
            <Text size="sm" c="dimmed">
              Not in a team yet
            </Text>
          ) : (
            <Group gap={6}>
              {user.teams.map((t) => (
                <Badge key={t.name} variant="default" tt="none" fw={500}>
                  {t.title}
                </Badge>
              ))}
            </Group>
          )}
        </Field>
        <Field label="Last sign-in">
          <TimeText value={user.lastLoginAt} empty="Never" />
        </Field>
      </SimpleGrid>
    </Card>
  );
}

/** The signed-in person's account and password. */
export function ProfilePage() {
  const { hash } = useLocation();
  useEffect(() => {
    if (hash === '#password') document.getElementById('password')?.scrollIntoView({ block: 'start' });
  }, [hash]);
  return (
    <>
      <PageHeader
        title="Profile"
        description="Your account as Plinth knows it. Keepers change names, roles and teams; you choose your password."
        actions={
          <Anchor component={Link} to={paths.tokens} size="sm">
            <Group gap={6} component="span">
              <IconKey size={16} /> Manage API tokens
            </Group>
          </Anchor>
        }
      />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <AccountCard />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Card id="password">
            <Title order={2} size="h3" mb={4}>
              Password
            </Title>
            <Text size="sm" c="dimmed" mb="md">
              Choose one you use nowhere else. API tokens are separate: revoke them on their own page.
            </Text>
            <ChangePasswordForm />
          </Card>
        </Grid.Col>
      </Grid>
    </>
  );
}
