import {
  Avatar,
  Group,
  Menu,
  SegmentedControl,
  Stack,
  Text,
  UnstyledButton,
  useMantineColorScheme,
} from '@mantine/core';
import { IconBell, IconChevronDown, IconKey, IconLogout, IconUserCircle } from '@tabler/icons-react';
import { Link, useNavigate } from 'react-router';
import { useLogout } from '../api/auth-queries.js';
import { initials } from '../components/format.js';
import { StateBadge } from '../components/StateBadge.js';
import { useCurrentUser } from './current-user.js';
import { paths } from './routes.js';

function ThemeSwitch() {
  const { colorScheme, setColorScheme } = useMantineColorScheme();
  return (
    <SegmentedControl
      size="xs"
      fullWidth
      aria-label="Theme"
      value={colorScheme}
      onChange={(value) => setColorScheme(value as 'light' | 'dark' | 'auto')}
      data={[
        { value: 'light', label: 'Light' },
        { value: 'dark', label: 'Dark' },
        { value: 'auto', label: 'Auto' },
      ]}
      data-testid="theme-switch"
    />
  );
}

function MenuHeader() {
  const user = useCurrentUser();
  return (
    <Stack gap={2} px="sm" py={8}>
      <Text size="sm" fw={600} truncate>
        {user.displayName}
      </Text>
      <Group gap={6}>
        <Text size="xs" c="dimmed">
          @{user.username}
        </Text>
        <StateBadge tone={user.role === 'keeper' ? 'info' : 'off'}>
          {user.role === 'keeper' ? 'Keeper' : 'Member'}
        </StateBadge>
      </Group>
    </Stack>
  );
}

/** The signed-in person's menu: profile, tokens, theme and sign out. */
export function UserMenu() {
  const user = useCurrentUser();
  const logout = useLogout();
  const navigate = useNavigate();
  const signOut = () => logout.mutate(undefined, { onSettled: () => navigate(paths.login) });
  return (
    <Menu position="bottom-end" width={260} shadow="md" closeOnItemClick>
      <Menu.Target>
        <UnstyledButton aria-label={`Account menu of ${user.displayName}`} data-testid="user-menu">
          <Group gap={8} wrap="nowrap">
            <Avatar size={32} radius="xl" color="petrol" variant="light">
              {initials(user.displayName)}
            </Avatar>
            <Text size="sm" fw={500} visibleFrom="lg" maw={160} truncate>
              {user.displayName}
            </Text>
            <IconChevronDown size={14} />
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <MenuHeader />
        <Menu.Divider />
        <Menu.Item component={Link} to={paths.profile} leftSection={<IconUserCircle size={16} />}>
          Profile
        </Menu.Item>
        <Menu.Item component={Link} to={paths.tokens} leftSection={<IconKey size={16} />}>
          API tokens
        </Menu.Item>
        <Menu.Item component={Link} to={paths.notificationPreferences} leftSection={<IconBell size={16} />}>
          Notification choices
        </Menu.Item>
        <Menu.Divider />
        <Menu.Label>Theme</Menu.Label>
        <Stack px="sm" pb={8}>
          <ThemeSwitch />
        </Stack>
        <Menu.Divider />
        <Menu.Item leftSection={<IconLogout size={16} />} onClick={signOut} data-testid="sign-out">
          Sign out
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
