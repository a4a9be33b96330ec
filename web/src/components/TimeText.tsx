import { Text, Tooltip } from '@mantine/core';
import { formatDateTime, formatRelative } from './format.js';

/** Props of {@link TimeText}. */
export interface TimeTextProps {
  value: string | null;
  /** Shown when there is no time, e.g. "Never". */
  empty?: string;
  /** `absolute` where the exact moment matters more than its distance, as in the audit log. */
  mode?: 'relative' | 'absolute';
}

/** A relative time ("3 hours ago") with the exact time on hover. */
export function TimeText({ value, empty = '—', mode = 'relative' }: TimeTextProps) {
  if (!value) {
    return (
      <Text size="sm" c="dimmed" span>
        {empty}
      </Text>
    );
  }
  return (
    <Tooltip label={mode === 'relative' ? formatDateTime(value) : formatRelative(value)}>
      <Text size="sm" span component="time" dateTime={value} style={{ whiteSpace: 'nowrap' }}>
        {mode === 'relative' ? formatRelative(value) : formatDateTime(value)}
      </Text>
    </Tooltip>
  );
}
