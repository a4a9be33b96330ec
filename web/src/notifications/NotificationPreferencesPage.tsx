import { Alert, Box, Button, Card, Group, Switch, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconInfoCircle } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { paths } from '../app/routes.js';
import { ErrorState } from '../components/ErrorState.js';
import { LoadingSkeleton } from '../components/LoadingSkeleton.js';
import { PageHeader } from '../components/PageHeader.js';
import { TableHead } from '../components/TableHead.js';
import { usePreferences, useSavePreferences } from './notification-queries.js';
import type { ChannelChoice, NotificationPreferences } from './notification-types.js';

type Choices = Record<string, ChannelChoice>;

const choicesOf = (prefs: NotificationPreferences): Choices =>
  Object.fromEntries(prefs.groups.map((g) => [g.id, { ...g.channels }]));

function EmailNote({ prefs }: { prefs: NotificationPreferences }) {
  if (!prefs.email.available) {
    return (
      <Alert variant="light" color="gray" icon={<IconInfoCircle size={18} />} mb="md">
        This portal sends no e-mail yet: its operator has not set up an SMTP server. Your e-mail choices are
        kept and apply once it does.
      </Alert>
    );
  }
  if (!prefs.email.address) {
    return (
      <Alert variant="light" color="yellow" icon={<IconInfoCircle size={18} />} mb="md">
        Your account has no e-mail address, so no e-mail can reach you. Ask a Keeper to add one.
      </Alert>
    );
  }
  return (
    <Text size="sm" c="dimmed" mb="md">
      E-mail goes to <b>{prefs.email.address}</b>.
    </Text>
  );
}

function PreferencesForm({ prefs }: { prefs: NotificationPreferences }) {
  const save = useSavePreferences();
  const [choices, setChoices] = useState<Choices>(() => choicesOf(prefs));
  useEffect(() => setChoices(choicesOf(prefs)), [prefs]);
  const saved = choicesOf(prefs);
  const changes = Object.fromEntries(
    Object.entries(choices)
      .map(([group, c]) => {
        const before = saved[group];
        const diff: Partial<ChannelChoice> = {};
        if (before?.inApp !== c.inApp) diff.inApp = c.inApp;
        if (before?.email !== c.email) diff.email = c.email;
        return [group, diff] as const;
      })
      .filter(([, diff]) => Object.keys(diff).length > 0),
  );
  const dirty = Object.keys(changes).length > 0;
  const toggle = (group: string, channel: keyof ChannelChoice, on: boolean) =>
    setChoices((c) => ({ ...c, [group]: { ...(c[group] as ChannelChoice), [channel]: on } }));
  const submit = () =>
    save.mutate(changes, {
      onSuccess: () =>
        notifications.show({
          color: 'teal',
          title: 'Choices saved',
          message: 'They apply to the next notices.',
        }),
    });
  return (
    <>
      <EmailNote prefs={prefs} />
      <Card p={0}>
        <Table verticalSpacing="sm" horizontalSpacing="md">
          <TableHead columns={['What', 'In the portal', 'By e-mail']} />
          <Table.Tbody>
            {prefs.groups.map((group) => {
              const choice = choices[group.id] ?? group.channels;
              return (
                <Table.Tr key={group.id} data-testid={`preference-${group.id}`}>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {group.title}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {group.description}
                    </Text>
                  </Table.Td>
                  <Table.Td w={140}>
                    <Switch
                      checked={choice.inApp}
                      onChange={(e) => toggle(group.id, 'inApp', e.currentTarget.checked)}
                      aria-label={`${group.title} in the portal`}
                    />
                  </Table.Td>
                  <Table.Td w={140}>
                    <Switch
                      checked={choice.email}
                      onChange={(e) => toggle(group.id, 'email', e.currentTarget.checked)}
                      aria-label={`${group.title} by e-mail`}
                    />
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Card>
      {save.isError && (
        <Box mt="md">
          <ErrorState title="Could not save your choices" error={save.error} onRetry={submit} />
        </Box>
      )}
      <Group justify="flex-end" mt="md" gap="sm">
        <Button variant="default" disabled={!dirty || save.isPending} onClick={() => setChoices(saved)}>
          Undo changes
        </Button>
        <Button disabled={!dirty} loading={save.isPending} onClick={submit}>
          Save choices
        </Button>
      </Group>
    </>
  );
}

/** A person's choice, per kind of notice, of the portal bell and e-mail. */
export function NotificationPreferencesPage() {
  const prefs = usePreferences();
  return (
    <>
      <PageHeader
        title="Notification choices"
        trail={[{ label: 'Profile', href: paths.profile }]}
        description="Choose how each kind of notice reaches you. Everything shows in the portal unless you turn it off; e-mail is on for what is addressed to you personally and for overdue escalations."
      />
      {prefs.isError ? (
        <ErrorState title="Could not load your choices" error={prefs.error} onRetry={() => prefs.refetch()} />
      ) : prefs.isPending ? (
        <LoadingSkeleton variant="form" rows={6} />
      ) : (
        <PreferencesForm prefs={prefs.data} />
      )}
    </>
  );
}
