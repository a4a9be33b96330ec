import { AppShell, Box } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Outlet } from 'react-router';
import { PasswordGate } from '../auth/PasswordGate.js';
import { SideNav } from './SideNav.js';
import { TopBar } from './TopBar.js';

/** The frame around every signed-in page: top bar, side navigation, and the page. */
export function AppFrame() {
  const [navOpened, { toggle, close }] = useDisclosure(false);
  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 244, breakpoint: 'md', collapsed: { mobile: !navOpened } }}
      padding={0}
    >
      <AppShell.Header>
        <TopBar navOpened={navOpened} onToggleNav={toggle} />
      </AppShell.Header>
      <AppShell.Navbar bg="var(--plinth-nav-bg)">
        <SideNav onNavigate={close} />
      </AppShell.Navbar>
      <AppShell.Main>
        <Box id="page" px={{ base: 'md', sm: 'xl' }} py="xl" maw={1440} mx="auto">
          <PasswordGate>
            <Outlet />
          </PasswordGate>
        </Box>
      </AppShell.Main>
    </AppShell>
  );
}
