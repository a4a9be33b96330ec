import { Button } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { Link, Outlet } from 'react-router';
import { EmptyState } from '../components/EmptyState.js';
import { usePageTitle } from '../components/use-page-title.js';
import { useIsKeeper } from './current-user.js';
import { paths } from './routes.js';

function KeepersOnly() {
  usePageTitle(['Keepers only']);
  return (
    <EmptyState
      icon={<IconLock size={28} />}
      title="Only Keepers can open this page"
      titleOrder={1}
      action={
        <Button component={Link} to={paths.requests}>
          Ask the Keepers
        </Button>
      }
    >
      Admin pages manage accounts, teams, catalog locations and the audit log. If you need a change there,
      file a request.
    </EmptyState>
  );
}

/** Shows the Admin pages to Keepers and a plain explanation to everyone else. */
export function RequireKeeper() {
  return useIsKeeper() ? <Outlet /> : <KeepersOnly />;
}
