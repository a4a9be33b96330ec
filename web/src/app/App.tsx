import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import { RouterProvider } from 'react-router';
import { isApiError } from '../api/api-error.js';
import { meKey } from '../api/auth-queries.js';
import { createQueryClient } from '../api/query-client.js';
import { createRouter } from './router.js';
import { cssVariablesResolver, theme } from './theme.js';

function useQueryClientWithSessionWatch() {
  const [client] = useState(() => {
    const queryClient = createQueryClient();
    // A session that expires mid-use surfaces as AUTH_REQUIRED on any query; asking /me again
    // makes the sign-in gate notice and send the person to the login page, then back.
    queryClient.getQueryCache().subscribe((event) => {
      if (event.type !== 'updated' || event.action.type !== 'error') return;
      if (event.query.queryKey[0] === meKey[0] || !isApiError(event.action.error, 'AUTH_REQUIRED')) return;
      queryClient.invalidateQueries({ queryKey: meKey });
    });
    return queryClient;
  });
  return client;
}

/** The portal: theme, notifications, data cache and routes. */
export function App() {
  const queryClient = useQueryClientWithSessionWatch();
  const [router] = useState(createRouter);
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="auto">
      <Notifications position="top-right" />
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </MantineProvider>
  );
}
