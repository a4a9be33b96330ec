import { Alert, Code, Stack, Text } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import type { ClosedExecutor } from '../api/job-types.js';

/**
 * Executors this platform offers to the person's teams that only Keepers may use here, with the
 * server's reason (jobs that would run with Plinth's own identity), so nobody wonders where one went.
 */
export function ClosedExecutors({ closed }: { closed: ClosedExecutor[] }) {
  if (closed.length === 0) return null;
  return (
    <Alert variant="light" color="gray" icon={<IconLock size={20} />} mb="lg" data-testid="closed-executors">
      <Stack gap={4} ta="left">
        {closed.map((executor) => (
          <Text key={executor.name} size="sm">
            <Code>{executor.name}</Code> is for Keepers only on this server. {executor.reason}
          </Text>
        ))}
      </Stack>
    </Alert>
  );
}
