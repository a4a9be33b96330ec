import { Center, Container, Loader, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { isApiError } from '../api/api-error.js';
import { useMe } from '../api/auth-queries.js';
import { ErrorState } from '../components/ErrorState.js';
import { CurrentUserProvider } from './current-user.js';
import { loginHref } from './routes.js';

/** Lets only signed-in people through; everyone else goes to the sign-in page and comes back after. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) {
    return (
      <Center h="100vh">
        <Stack align="center" gap="xs">
          <Loader size="sm" />
          <Text size="sm" c="dimmed">
            Opening Plinth…
          </Text>
        </Stack>
      </Center>
    );
  }
  if (me.isError) {
    if (isApiError(me.error, 'AUTH_REQUIRED')) {
      return <Navigate to={loginHref(location.pathname + location.search)} replace />;
    }
    return (
      <Container size="sm" py={80}>
        <ErrorState title="Could not open Plinth" error={me.error} onRetry={() => me.refetch()} />
      </Container>
    );
  }
  return <CurrentUserProvider user={me.data.user}>{children}</CurrentUserProvider>;
}
