import { ActionIcon, Group, Menu, Table, Text, Tooltip } from '@mantine/core';
import { IconDots, IconEye, IconPencil, IconTrash } from '@tabler/icons-react';
import type { Secret } from '../../api/services-types.js';
import { StateBadge } from '../../components/StateBadge.js';
import { TimeText } from '../../components/TimeText.js';

function Expiry({ secret }: { secret: Secret }) {
  if (!secret.expiresAt)
    return (
      <Text size="sm" c="dimmed">
        Never
      </Text>
    );
  const date = new Date(secret.expiresAt).toLocaleDateString();
  if (secret.expiryState === 'expired') return <StateBadge tone="danger">Expired {date}</StateBadge>;
  if (secret.expiryState === 'soon') return <StateBadge tone="warn">Expires {date}</StateBadge>;
  return <Text size="sm">{date}</Text>;
}

/** The team's secrets: names, versions, who changed and read them; values never appear here. */
export function SecretTable({
  secrets,
  memberOf,
  onReveal,
  onReplace,
  onRemove,
}: {
  secrets: Secret[];
  /** Teams the person belongs to: only their secrets can be revealed or changed. */
  memberOf: string[];
  onReveal: (s: Secret) => void;
  onReplace: (s: Secret) => void;
  onRemove: (s: Secret) => void;
}) {
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table verticalSpacing="sm" highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Secret</Table.Th>
            <Table.Th>Version</Table.Th>
            <Table.Th>Changed</Table.Th>
            <Table.Th>Last read</Table.Th>
            <Table.Th>Expires</Table.Th>
            <Table.Th aria-label="Actions" />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {secrets.map((s) => (
            <Table.Tr key={`${s.team}/${s.name}`} data-testid="secret-row">
              <Table.Td>
                <Text ff="monospace" size="sm" fw={600}>
                  {s.team}/{s.name}
                </Text>
                {s.description && (
                  <Text size="xs" c="dimmed" lineClamp={1}>
                    {s.description}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{s.version}</Table.Td>
              <Table.Td>
                <TimeText value={s.updatedAt} />{' '}
                <Text span size="xs" c="dimmed">
                  by {s.updatedBy}
                </Text>
              </Table.Td>
              <Table.Td>
                <TimeText value={s.lastReadAt} empty="Never" />
                {s.lastReadBy && (
                  <Text span size="xs" c="dimmed">
                    {' '}
                    by {s.lastReadBy}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Expiry secret={s} />
              </Table.Td>
              <Table.Td>
                {memberOf.includes(s.team) ? (
                  <Group gap={4} justify="flex-end" wrap="nowrap">
                    <Tooltip label="Reveal (asks your password)">
                      <ActionIcon
                        variant="subtle"
                        aria-label={`Reveal ${s.team}/${s.name}`}
                        onClick={() => onReveal(s)}
                      >
                        <IconEye size={18} />
                      </ActionIcon>
                    </Tooltip>
                    <Menu position="bottom-end">
                      <Menu.Target>
                        <ActionIcon variant="subtle" color="gray" aria-label={`More for ${s.team}/${s.name}`}>
                          <IconDots size={18} />
                        </ActionIcon>
                      </Menu.Target>
                      <Menu.Dropdown>
                        <Menu.Item leftSection={<IconPencil size={14} />} onClick={() => onReplace(s)}>
                          Store a new value
                        </Menu.Item>
                        <Menu.Item
                          color="red"
                          leftSection={<IconTrash size={14} />}
                          onClick={() => onRemove(s)}
                        >
                          Remove
                        </Menu.Item>
                      </Menu.Dropdown>
                    </Menu>
                  </Group>
                ) : (
                  <Text size="xs" c="dimmed" ta="right">
                    Members of {s.team} only
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
