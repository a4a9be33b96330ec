import { Button, Code } from '@mantine/core';
import { IconMapQuestion } from '@tabler/icons-react';
import { Link, useLocation } from 'react-router';
import { EmptyState } from '../components/EmptyState.js';
import { usePageTitle } from '../components/use-page-title.js';
import { paths } from './routes.js';

/** Shown for any portal address that names no page. */
export function NotFoundPage() {
  const { pathname } = useLocation();
  usePageTitle(['Page not found']);
  return (
    <EmptyState
      icon={<IconMapQuestion size={28} />}
      title="There is no page here"
      titleOrder={1}
      action={
        <Button component={Link} to={paths.home}>
          Go to Home
        </Button>
      }
    >
      Nothing in Plinth lives at <Code>{pathname}</Code>. The link may be old, or the page may have moved; the
      sections on the left lead everywhere there is.
    </EmptyState>
  );
}
