import { Badge, Box, Card, Grid, Group, NavLink, Stack, Text, Title } from '@mantine/core';
import { IconFile, IconFolder } from '@tabler/icons-react';
import { useState } from 'react';
import { CopyButton } from '../components/CopyButton.js';
import { ChecksList } from './ChecksList.js';
import { treeRows } from './file-tree.js';
import { StepsList } from './StepsList.js';
import type { DryRun } from './template-types.js';

function size(bytes: number): string {
  return bytes < 1024
    ? `${bytes} B`
    : bytes < 1024 * 1024
      ? `${(bytes / 1024).toFixed(1)} KiB`
      : `${(bytes / 1048576).toFixed(1)} MiB`;
}

/** What a template would create: the file tree, each file's rendered text, the steps and the policy checks. */
export function DryRunView({ result }: { result: DryRun }) {
  const [chosen, setChosen] = useState(
    result.files.find((f) => /^readme/i.test(f.path))?.path ?? result.files[0]?.path,
  );
  const file = result.files.find((f) => f.path === chosen);
  const failed = result.checks.filter((c) => !c.passed && c.blocking).length;
  return (
    <Stack gap="lg" data-testid="dry-run">
      <Group gap="sm">
        <Badge variant="light" color="gray">
          {result.files.length} files · {size(result.totalBytes)}
        </Badge>
        <Badge variant="light" color={failed ? 'red' : 'teal'}>
          {failed ? `${failed} blocking check(s) fail` : 'All blocking checks pass'}
        </Badge>
        <Text size="xs" c="dimmed">
          Rendered in {result.ms} ms. Nothing was created.
        </Text>
      </Group>
      <Card p={0}>
        <Grid gap={0}>
          <Grid.Col
            span={{ base: 12, md: 4 }}
            style={{ borderRight: '1px solid var(--mantine-color-default-border)' }}
          >
            <Box className="plinth-file-tree" p={4} role="tree" aria-label="Files">
              {treeRows(result.files.map((f) => f.path)).map((row) =>
                row.kind === 'folder' ? (
                  <Group key={`d-${row.path}`} gap={6} pl={10 + row.depth * 14} py={4} wrap="nowrap">
                    <IconFolder size={15} color="var(--mantine-color-dimmed)" aria-hidden="true" />
                    <Text size="sm" c="dimmed">
                      {row.name}/
                    </Text>
                  </Group>
                ) : (
                  <NavLink
                    key={row.path}
                    role="treeitem"
                    label={row.name}
                    active={row.path === chosen}
                    onClick={() => setChosen(row.path)}
                    leftSection={<IconFile size={15} aria-hidden="true" />}
                    pl={10 + row.depth * 14}
                    py={4}
                    data-file={row.path}
                    style={{ borderRadius: 'var(--mantine-radius-sm)' }}
                  />
                ),
              )}
            </Box>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 8 }}>
            {file ? (
              <Stack gap={0} p="sm">
                <Group justify="space-between" px={4} pb="xs">
                  <Text size="sm" ff="monospace" fw={500}>
                    {file.path}
                  </Text>
                  <Group gap="xs">
                    <Text size="xs" c="dimmed">
                      {size(file.size)}
                    </Text>
                    {file.content !== null && <CopyButton value={file.content} label="file" />}
                  </Group>
                </Group>
                <Box className="plinth-file-view">
                  {file.content === null ? (
                    <Text size="sm" c="dimmed" p="md">
                      {file.binary ? 'A binary file, copied as it is.' : 'Too large to show here.'}
                    </Text>
                  ) : (
                    <pre className="plinth-code" data-testid="file-content">
                      {file.content}
                    </pre>
                  )}
                </Box>
              </Stack>
            ) : (
              <Text size="sm" c="dimmed" p="md">
                The template produces no file with these values.
              </Text>
            )}
          </Grid.Col>
        </Grid>
      </Card>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Card>
            <Title order={3} size="h5" mb="sm">
              Policy checks
            </Title>
            <ChecksList checks={result.checks} />
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Card>
            <Title order={3} size="h5" mb="sm">
              Steps
            </Title>
            <StepsList steps={result.steps} />
          </Card>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
