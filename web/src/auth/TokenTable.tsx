import { Button, Code, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useRevokeToken } from '../api/token-queries.js';
import type { ApiToken } from '../api/types.js';
import { ConfirmDialog } from '../components/ConfirmDialog.js';
import { StateBadge } from '../components/StateBadge.js';
import { TableHead } from '../components/TableHead.js';
import { TimeText } from '../components/TimeText.js';

function TokenState({ token }: { token: ApiToken }) {
  if (token.expiresAt && new Date(token.expiresAt).getTime() < Date.now()) {
    return <StateBadge tone="off">Expired</StateBadge>;
  }
  return <StateBadge tone="ok">Active</StateBadge>;
}

function TokenRow({ token, onRevoke }: { token: ApiToken; onRevoke: () => void }) {
  return (
    <Table.Tr>
      <Table.Td>
        <Text size="sm" fw={500}>
          {token.name}
        </Text>
      </Table.Td>
      <Table.Td>
        <Code>{token.prefix}…</Code>
      </Table.Td>
      <Table.Td>
        <TokenState token={token} />
      </Table.Td>
      <Table.Td>
        <TimeText value={token.createdAt} />
      </Table.Td>
      <Table.Td>
        <TimeText value={token.lastUsedAt} empty="Never used" />
      </Table.Td>
      <Table.Td>
        <TimeText value={token.expiresAt} empty="Never" />
      </Table.Td>
      <Table.Td ta="right">
        <Button size="xs" variant="subtle" color="red" onClick={onRevoke}>
          Revoke
        </Button>
      </Table.Td>
    </Table.Tr>
  );
}

/** The person's tokens with their state, and a confirmed revoke. */
export function TokenTable({ tokens }: { tokens: ApiToken[] }) {
  const [revoking, setRevoking] = useState<ApiToken | null>(null);
  const revoke = useRevokeToken();
  const close = () => {
    setRevoking(null);
    revoke.reset();
  };
  return (
    <>
      <Table.ScrollContainer minWidth={720}>
        <Table highlightOnHover>
          <TableHead columns={['Name', 'Starts with', 'State', 'Created', 'Last used', 'Expires', '']} />
          <Table.Tbody>
            {tokens.map((token) => (
              <TokenRow key={token.id} token={token} onRevoke={() => setRevoking(token)} />
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <ConfirmDialog
        opened={revoking !== null}
        title="Revoke this token?"
        confirmLabel="Revoke token"
        onClose={close}
        onConfirm={() => revoking && revoke.mutate(revoking.id, { onSuccess: close })}
        busy={revoke.isPending}
        error={revoke.error}
      >
        Scripts and pipelines that use “{revoking?.name}” stop working at once. This cannot be undone; you can
        create a new token afterwards.
      </ConfirmDialog>
    </>
  );
}
