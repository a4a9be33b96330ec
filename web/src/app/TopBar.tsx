import { Box, Burger, Button, Divider, Group, Text, UnstyledButton } from '@mantine/core';
import { IconLifebuoy } from '@tabler/icons-react';
import { Link, useLocation } from 'react-router';
import { usePlatform } from '../api/platform-queries.js';
import { NotificationBell } from '../notifications/NotificationBell.js';
import { NewRequestModal } from '../requests/NewRequestModal.js';
import { contextOfPath } from '../requests/request-context.js';
import { openRequestForm } from '../requests/request-form-store.js';
import { GlobalSearch } from './GlobalSearch.js';
import { LogoMark } from './Logo.js';
import { paths } from './routes.js';
import { UserMenu } from './UserMenu.js';

/** Props of {@link TopBar}. */
export interface TopBarProps {
  navOpened: boolean;
  onToggleNav: () => void;
}

function Brand() {
  const platform = usePlatform();
  const name = platform.data?.organization.name;
  // An installation without its own platform.yaml is just "Plinth"; saying it twice adds nothing.
  const organization = name && name !== 'Plinth' ? name : undefined;
  return (
    <UnstyledButton component={Link} to={paths.home} aria-label="Plinth home">
      <Group gap={10} wrap="nowrap">
        <LogoMark size={30} />
        <Text fw={700} size="lg" style={{ letterSpacing: -0.2 }}>
          Plinth
        </Text>
        {organization && (
          <>
            <Divider orientation="vertical" visibleFrom="sm" />
            <Text size="sm" c="dimmed" visibleFrom="sm" maw={220} truncate>
              {organization}
            </Text>
          </>
        )}
      </Group>
    </UnstyledButton>
  );
}

/** The top bar: home link, search, help and the account menu. */
export function TopBar({ navOpened, onToggleNav }: TopBarProps) {
  const { pathname } = useLocation();
  return (
    <Group h="100%" px="md" gap="md" wrap="nowrap" justify="space-between">
      <Group gap="sm" wrap="nowrap" style={{ flexShrink: 0 }}>
        <Burger
          opened={navOpened}
          onClick={onToggleNav}
          hiddenFrom="md"
          size="sm"
          aria-label="Toggle navigation"
        />
        <Brand />
      </Group>
      <Box style={{ flex: '0 1 560px', minWidth: 120 }}>
        <GlobalSearch />
      </Box>
      <Group gap="sm" wrap="nowrap" style={{ flexShrink: 0 }}>
        {/* Opens the request form over the current page, with the page attached; the link is the fallback. */}
        <Button
          component={Link}
          to={`${paths.newRequest}?from=${encodeURIComponent(pathname)}`}
          onClick={(event: React.MouseEvent) => {
            if (event.metaKey || event.ctrlKey || event.shiftKey) return;
            event.preventDefault();
            openRequestForm(contextOfPath(pathname));
          }}
          variant="light"
          leftSection={<IconLifebuoy size={16} />}
          visibleFrom="sm"
        >
          Request help
        </Button>
        <NewRequestModal />
        <NotificationBell />
        <UserMenu />
      </Group>
    </Group>
  );
}
