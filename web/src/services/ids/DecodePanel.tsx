import { Card, Group, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useDecodedId } from '../../api/services-queries.js';
import type { IdFormat } from '../../api/services-types.js';
import { CopyButton } from '../../components/CopyButton.js';
import { ErrorState } from '../../components/ErrorState.js';
import { formatDateTime } from '../../components/format.js';

function Fact({ label, value, hint }: { label: string; value: string; hint?: string }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Group gap={4} wrap="nowrap">
        <Text ff="monospace" size="sm" style={{ overflowWrap: 'anywhere' }}>
          {value}
        </Text>
        <CopyButton value={value} label={label} />
      </Group>
      {hint && (
        <Text size="xs" c="dimmed">
          {hint}
        </Text>
      )}
    </Stack>
  );
}

/** Splits a snowflake into the moment it was made, the worker that made it and its sequence. */
export function DecodePanel({
  value,
  format,
  onChange,
}: {
  value: string;
  format: IdFormat | undefined;
  onChange: (value: string) => void;
}) {
  const [debounced] = useDebouncedValue(value, 250);
  // The format chosen for generation only matters for ids that could be read two ways.
  const decoded = useDecodedId(
    debounced,
    /^\d+$/.test(debounced) && format !== 'decimal' ? format : undefined,
  );
  return (
    <Card withBorder padding="lg">
      <Title order={2} size="h4" mb="xs">
        Decode a snowflake
      </Title>
      <TextInput
        label="Snowflake"
        description="Decimal, base32 or base62, as this platform issued it"
        placeholder="e.g. 1234567890123456789"
        value={value}
        onChange={(event) => onChange(event.currentTarget.value)}
        styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
        maw={520}
      />
      {debounced && decoded.isError && (
        <Stack mt="md">
          <ErrorState title="Not a snowflake of this platform" error={decoded.error} />
        </Stack>
      )}
      {debounced && decoded.data && !decoded.isError && (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} mt="md" data-testid="decoded-id">
          <Fact label="Made at" value={decoded.data.time} hint={formatDateTime(decoded.data.time)} />
          <Fact label="Worker" value={String(decoded.data.worker)} />
          <Fact label="Sequence" value={String(decoded.data.sequence)} />
          <Fact label="Decimal" value={decoded.data.formats.decimal} />
          <Fact label="Base32" value={decoded.data.formats.base32} />
          <Fact label="Base62" value={decoded.data.formats.base62} />
          <Fact label="Unix ms" value={String(decoded.data.timestampMs)} />
        </SimpleGrid>
      )}
    </Card>
  );
}
