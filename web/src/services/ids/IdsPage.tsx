import { Button, Card, Grid, Group, NumberInput, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { IconDownload, IconSparkles } from '@tabler/icons-react';
import { useGenerateIds } from '../../api/services-queries.js';
import type { IdFormat, IdType } from '../../api/services-types.js';
import { paths } from '../../app/routes.js';
import { CopyButton } from '../../components/CopyButton.js';
import { EmptyState } from '../../components/EmptyState.js';
import { ErrorState } from '../../components/ErrorState.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useUrlFilters } from '../../components/use-url-filters.js';
import { downloadText } from '../download.js';
import { DecodePanel } from './DecodePanel.js';

const KEYS = ['type', 'count', 'format', 'decode'] as const;
const TYPES: { value: IdType; label: string; hint: string }[] = [
  {
    value: 'snowflake',
    label: 'Snowflake',
    hint: '64-bit, time-ordered, decodable: ideal as a database key',
  },
  { value: 'uuid7', label: 'UUID v7', hint: 'Standard UUID that sorts by time' },
  { value: 'uuid4', label: 'UUID v4', hint: 'Standard random UUID' },
  { value: 'ulid', label: 'ULID', hint: '26 characters, sorts by time, no punctuation' },
];

/** Generate ids of any type in batches, copy or download them, and decode a snowflake. */
export function IdsPage() {
  const [filters, setFilter] = useUrlFilters(KEYS);
  const type = (TYPES.find((t) => t.value === filters.type)?.value ?? 'snowflake') as IdType;
  const count = Math.min(10_000, Math.max(1, Number(filters.count) || 10));
  const format = (
    ['decimal', 'base32', 'base62'].includes(filters.format ?? '') ? filters.format : 'decimal'
  ) as IdFormat;
  const generate = useGenerateIds();
  const ids = generate.data?.ids ?? [];
  const text = ids.join('\n');
  return (
    <>
      <PageHeader
        title="ID generator"
        trail={[{ label: 'Services', href: paths.services }]}
        description="Unique ids for datasets, samples, runs and rows. Snowflakes never repeat, even across Plinth replicas, and tell when and where they were made."
      />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Card withBorder padding="lg">
            <form
              onSubmit={(event) => {
                event.preventDefault();
                generate.mutate({ type, count, format });
              }}
            >
              <Stack gap="md">
                <div>
                  <Text size="sm" fw={500} mb={4} id="id-type-label">
                    Type
                  </Text>
                  <SegmentedControl
                    fullWidth
                    aria-labelledby="id-type-label"
                    value={type}
                    onChange={(value) => setFilter('type', value === 'snowflake' ? null : value)}
                    data={TYPES.map((t) => ({ value: t.value, label: t.label }))}
                  />
                  <Text size="xs" c="dimmed" mt={4}>
                    {TYPES.find((t) => t.value === type)?.hint}
                  </Text>
                </div>
                <NumberInput
                  label="How many"
                  description="Up to 10,000 at once"
                  min={1}
                  max={10_000}
                  value={count}
                  onChange={(value) => setFilter('count', String(value || 10))}
                />
                {type === 'snowflake' && (
                  <div>
                    <Text size="sm" fw={500} mb={4} id="id-format-label">
                      Written as
                    </Text>
                    <SegmentedControl
                      fullWidth
                      aria-labelledby="id-format-label"
                      value={format}
                      onChange={(value) => setFilter('format', value === 'decimal' ? null : value)}
                      data={[
                        { value: 'decimal', label: 'Decimal' },
                        { value: 'base32', label: 'Base32' },
                        { value: 'base62', label: 'Base62' },
                      ]}
                    />
                    <Text size="xs" c="dimmed" mt={4}>
                      Decimal comes as a string, safe in JSON; base32 and base62 are shorter and sort the same
                      way.
                    </Text>
                  </div>
                )}
                <Button type="submit" leftSection={<IconSparkles size={16} />} loading={generate.isPending}>
                  Generate {count === 1 ? 'one id' : `${count.toLocaleString()} ids`}
                </Button>
              </Stack>
            </form>
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Card withBorder padding="lg" h="100%">
            {generate.isError ? (
              <ErrorState
                title="Could not generate ids"
                error={generate.error}
                onRetry={() => generate.mutate({ type, count, format })}
              />
            ) : ids.length === 0 ? (
              <EmptyState icon={<IconSparkles size={28} />} title="Your ids appear here" size="sm">
                Choose a type and how many, then Generate. Each batch is new: ids are never handed out twice.
              </EmptyState>
            ) : (
              <Stack gap="sm">
                <Group justify="space-between">
                  <Title order={2} size="h4">
                    {ids.length.toLocaleString()} {TYPES.find((t) => t.value === generate.data?.type)?.label}{' '}
                    ids
                  </Title>
                  <Group gap="xs">
                    <CopyButton value={text} label="all ids" size="md" />
                    <Button
                      size="xs"
                      variant="default"
                      leftSection={<IconDownload size={14} />}
                      onClick={() => downloadText(`${generate.data?.type ?? 'ids'}.txt`, `${text}\n`)}
                    >
                      Download
                    </Button>
                  </Group>
                </Group>
                <Stack gap={2} mah={420} style={{ overflow: 'auto' }} data-testid="generated-ids">
                  {ids.slice(0, 200).map((id) => (
                    <Group key={id} gap="xs" wrap="nowrap" justify="space-between" className="plinth-id-row">
                      <Text ff="monospace" size="sm">
                        {id}
                      </Text>
                      <Group gap={2} wrap="nowrap">
                        {generate.data?.type === 'snowflake' && (
                          <Button size="compact-xs" variant="subtle" onClick={() => setFilter('decode', id)}>
                            Decode
                          </Button>
                        )}
                        <CopyButton value={id} label="id" />
                      </Group>
                    </Group>
                  ))}
                </Stack>
                {ids.length > 200 && (
                  <Text size="xs" c="dimmed">
                    Showing the first 200; Copy and Download take all {ids.length.toLocaleString()}.
                  </Text>
                )}
              </Stack>
            )}
          </Card>
        </Grid.Col>
        <Grid.Col span={12}>
          <DecodePanel
            value={filters.decode ?? ''}
            format={filters.format as IdFormat | undefined}
            onChange={(v) => setFilter('decode', v)}
          />
        </Grid.Col>
      </Grid>
    </>
  );
}
