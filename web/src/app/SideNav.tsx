import { Anchor, Group, NavLink, ScrollArea, Stack, Text } from '@mantine/core';
import { IconExternalLink } from '@tabler/icons-react';
import { Link, useLocation } from 'react-router';
import { usePlatform } from '../api/platform-queries.js';
import { useIsKeeper } from './current-user.js';
import { adminNav, isActive, mainNav, type NavItem } from './nav-items.js';

function NavList({ items, onNavigate }: { items: NavItem[]; onNavigate: () => void }) {
  const { pathname } = useLocation();
  return items.map((item) => (
    <NavLink
      key={item.href}
      component={Link}
      to={item.href}
      label={item.label}
      title={item.hint}
      leftSection={<item.icon size={19} stroke={1.6} />}
      active={isActive(item.href, pathname)}
      aria-current={isActive(item.href, pathname) ? 'page' : undefined}
      onClick={onNavigate}
      variant="light"
      fw={500}
      styles={{ root: { borderRadius: 'var(--mantine-radius-md)' } }}
    />
  ));
}

/** The side navigation: sections for everyone, Admin for Keepers, and the version at the foot. */
export function SideNav({ onNavigate }: { onNavigate: () => void }) {
  const isKeeper = useIsKeeper();
  const platform = usePlatform();
  return (
    <>
      <ScrollArea style={{ flex: 1 }} px="sm" py="md" component="nav" aria-label="Sections">
        <Stack gap={2}>
          <NavList items={mainNav} onNavigate={onNavigate} />
        </Stack>
        {isKeeper && (
          <Stack gap={2} mt="lg" data-testid="admin-nav">
            <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" mb={4} style={{ letterSpacing: 0.6 }}>
              Admin
            </Text>
            <NavList items={adminNav} onNavigate={onNavigate} />
          </Stack>
        )}
      </ScrollArea>
      <Group
        px="lg"
        py="sm"
        justify="space-between"
        style={{ borderTop: '1px solid var(--app-shell-border-color)' }}
      >
        <Text size="xs" c="dimmed">
          Plinth {platform.data?.version ?? ''}
        </Text>
        <Anchor href="/api/docs" target="_blank" rel="noreferrer" size="xs" c="dimmed">
          <Group gap={4} component="span">
            API reference <IconExternalLink size={12} />
          </Group>
        </Anchor>
      </Group>
    </>
  );
}
