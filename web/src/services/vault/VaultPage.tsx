import { Alert, Button, Card, Code, Group, Select, Switch, Text } from '@mantine/core';
import { IconAlarm, IconLock, IconPlus, IconUsersGroup } from '@tabler/icons-react';
import { useState } from 'react';
import { isApiError } from '../../api/api-error.js';
import { useRemoveSecret, useSecrets } from '../../api/services-queries.js';
import type { Secret } from '../../api/services-types.js';
import { paths } from '../../app/routes.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { EmptyState } from '../../components/EmptyState.js';
import { ErrorState } from '../../components/ErrorState.js';
import { LoadingSkeleton } from '../../components/LoadingSkeleton.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useUrlFilters } from '../../components/use-url-filters.js';
import { PutSecretDialog } from './PutSecretDialog.js';
import { RevealDialog } from './RevealDialog.js';
import { SecretTable } from './SecretTable.js';

const KEYS = ['team', 'expiring'] as const;

/** The team vault: secrets a team shares, encrypted at rest, revealed after a password check. */
export function VaultPage() {
  const [filters, setFilter] = useUrlFilters(KEYS);
  const secrets = useSecrets({ team: filters.team, expiring: filters.expiring === 'true' });
  const remove = useRemoveSecret();
  const [adding, setAdding] = useState<{ existing: Secret | null } | null>(null);
  const [revealing, setRevealing] = useState<Secret | null>(null);
  const [removing, setRemoving] = useState<Secret | null>(null);
  const teams = secrets.data?.teams ?? [];
  const items = secrets.data?.items ?? [];
  const expiring = items.filter((s) => s.expiryState === 'soon' || s.expiryState === 'expired');
  const canAdd = teams.length > 0;
  return (
    <>
      <PageHeader
        title="Team vault"
        trail={[{ label: 'Services', href: paths.services }]}
        description="Secrets your team shares: database passwords, instrument and cloud API keys. Encrypted at rest; only the team's members can read them, after confirming their password, and every read is in the audit log."
        actions={
          canAdd && (
            <Button leftSection={<IconPlus size={16} />} onClick={() => setAdding({ existing: null })}>
              Add secret
            </Button>
          )
        }
      />
      {secrets.isError && isApiError(secrets.error, 'VAULT_DISABLED') ? (
        <EmptyState icon={<IconLock size={28} />} title="The team vault is not set up">
          The operator has not given Plinth a vault key yet. Keepers: set{' '}
          <Code>PLINTH_SERVICES_VAULT_KEY</Code> to 32 random bytes in base64 (
          <Code>openssl rand -base64 32</Code>) and restart; the services guide explains it.
        </EmptyState>
      ) : secrets.isError ? (
        <ErrorState
          title="Could not load the vault"
          error={secrets.error}
          onRetry={() => secrets.refetch()}
        />
      ) : (
        <>
          {expiring.length > 0 && filters.expiring !== 'true' && (
            <Alert
              color="yellow"
              variant="light"
              icon={<IconAlarm size={18} />}
              mb="md"
              title="Secrets to renew"
            >
              {expiring.map((s) => `${s.team}/${s.name}`).join(', ')}{' '}
              {expiring.length === 1 ? 'expires' : 'expire'} soon or already did. Store a new value before the
              old one stops working.
            </Alert>
          )}
          <Group mb="md" gap="lg">
            <Select
              label="Team"
              placeholder="All my teams"
              data={teams}
              value={filters.team ?? null}
              onChange={(value) => setFilter('team', value)}
              clearable
              w={220}
            />
            <Switch
              mt={22}
              label="Only those expiring"
              checked={filters.expiring === 'true'}
              onChange={(e) => setFilter('expiring', e.currentTarget.checked ? 'true' : null)}
            />
          </Group>
          <Card withBorder padding={0}>
            {secrets.isPending ? (
              <LoadingSkeleton rows={4} />
            ) : !canAdd && items.length === 0 ? (
              <EmptyState icon={<IconUsersGroup size={28} />} title="You are in no team yet">
                Secrets belong to teams. Ask a Keeper to add you to your team, then store its first secret
                here.
              </EmptyState>
            ) : items.length === 0 ? (
              <EmptyState
                icon={<IconLock size={28} />}
                title={filters.expiring ? 'Nothing expires soon' : 'No secrets yet'}
                action={
                  <Button leftSection={<IconPlus size={16} />} onClick={() => setAdding({ existing: null })}>
                    Add secret
                  </Button>
                }
              >
                Keep the passwords and keys your team shares here instead of in chats and files. Generate one
                on the Credentials page and store it straight away.
              </EmptyState>
            ) : (
              <SecretTable
                secrets={items}
                memberOf={teams}
                onReveal={setRevealing}
                onReplace={(s) => setAdding({ existing: s })}
                onRemove={setRemoving}
              />
            )}
          </Card>
          <Text size="xs" c="dimmed" mt="sm">
            Scripts read a secret with <Code>plinth secret get TEAM/NAME</Code> or the API, using a token.
          </Text>
        </>
      )}
      <PutSecretDialog
        opened={adding !== null}
        teams={teams}
        existing={adding?.existing ?? null}
        onClose={() => setAdding(null)}
      />
      <RevealDialog secret={revealing} onClose={() => setRevealing(null)} />
      <ConfirmDialog
        opened={removing !== null}
        title={`Remove ${removing?.team}/${removing?.name}?`}
        confirmLabel="Remove secret"
        busy={remove.isPending}
        error={remove.error}
        onClose={() => {
          remove.reset();
          setRemoving(null);
        }}
        onConfirm={() =>
          removing &&
          remove.mutate({ team: removing.team, name: removing.name }, { onSuccess: () => setRemoving(null) })
        }
      >
        Nobody will be able to read it again. Scripts that use it will fail.
      </ConfirmDialog>
    </>
  );
}
