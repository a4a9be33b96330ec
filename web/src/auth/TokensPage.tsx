import { Box, Button, Card, Code, Text } from '@mantine/core';
import { IconKey, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTokens } from '../api/token-queries.js';
import type { CreatedTokenResult } from '../api/types.js';
import { paths } from '../app/routes.js';
import { EmptyState } from '../components/EmptyState.js';
import { ErrorState } from '../components/ErrorState.js';
import { LoadingSkeleton } from '../components/LoadingSkeleton.js';
import { PageHeader } from '../components/PageHeader.js';
import { CreateTokenDialog } from './CreateTokenDialog.js';
import { TokenTable } from './TokenTable.js';

function TokenList({ onCreate }: { onCreate: () => void }) {
  const tokens = useTokens();
  if (tokens.isPending || tokens.isError) {
    return (
      <Box p="md">
        {tokens.isError ? (
          <ErrorState
            title="Could not load your tokens"
            error={tokens.error}
            onRetry={() => tokens.refetch()}
          />
        ) : (
          <LoadingSkeleton rows={3} />
        )}
      </Box>
    );
  }
  if (tokens.data.items.length === 0) {
    return (
      <EmptyState
        icon={<IconKey size={28} />}
        title="No API tokens yet"
        action={
          <Button leftSection={<IconPlus size={16} />} onClick={onCreate}>
            Create token
          </Button>
        }
      >
        Create one to use the plinth CLI on your laptop, or to let a CI pipeline call Plinth as you.
      </EmptyState>
    );
  }
  return <TokenTable tokens={tokens.data.items} />;
}

/** The person's API tokens: create (secret shown once), list, revoke. */
export function TokensPage() {
  const [opened, setOpened] = useState(false);
  const [created, setCreated] = useState<CreatedTokenResult | null>(null);
  const open = () => {
    setCreated(null);
    setOpened(true);
  };
  return (
    <>
      <PageHeader
        title="API tokens"
        trail={[{ label: 'Profile', href: paths.profile }]}
        description={
          <>
            Tokens let scripts, CI pipelines and the plinth CLI act as you, with everything you are allowed to
            do. Send one as a bearer token in the <Code>Authorization</Code> header.
          </>
        }
        actions={
          <Button leftSection={<IconPlus size={16} />} onClick={open}>
            Create token
          </Button>
        }
      />
      <Card p={0}>
        <TokenList onCreate={open} />
      </Card>
      <Text size="xs" c="dimmed" mt="sm">
        Plinth stores only a hash of each token. Lost one? Revoke it and create another.
      </Text>
      <CreateTokenDialog
        opened={opened}
        created={created}
        onCreated={setCreated}
        onClose={() => setOpened(false)}
      />
    </>
  );
}
