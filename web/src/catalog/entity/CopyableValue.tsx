import { Group, Text } from '@mantine/core';
import { CopyButton } from '../../components/CopyButton.js';

/** A value in monospace with a copy button: paths, URIs, remotes. */
export function CopyableValue({ value, label }: { value: string; label: string }) {
  return (
    <Group gap={4} wrap="nowrap" align="flex-start">
      <Text size="sm" ff="monospace" style={{ wordBreak: 'break-all' }}>
        {value}
      </Text>
      <CopyButton value={value} label={label} />
    </Group>
  );
}
