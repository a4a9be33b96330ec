import { Badge, Tooltip } from '@mantine/core';
import { IconAlarm, IconClock } from '@tabler/icons-react';
import { StateBadge } from '../components/StateBadge.js';
import { useNow } from '../components/use-now.js';
import { REQUEST_STATE_INFO, responseTiming } from './request-states.js';
import type { RequestState, RequestSummary } from './request-types.js';

/** A request's state as a chip with words. */
export function RequestStateBadge({ state }: { state: RequestState }) {
  const info = REQUEST_STATE_INFO[state];
  return (
    <Tooltip label={info.hint}>
      <span>
        <StateBadge tone={info.tone}>{info.label}</StateBadge>
      </span>
    </Tooltip>
  );
}

/** "first response due in 3 h" or "resolution overdue by 2 h"; nothing once closed. */
export function ResponseBadge({ request }: { request: RequestSummary }) {
  const now = useNow(60_000);
  const timing = responseTiming(request, now);
  if (!timing) return null;
  return (
    <Badge
      variant={timing.overdue ? 'filled' : 'light'}
      color={timing.overdue ? 'red' : timing.tone === 'warn' ? 'yellow' : 'gray'}
      leftSection={timing.overdue ? <IconAlarm size={12} /> : <IconClock size={12} />}
      tt="none"
      fw={600}
      style={{ flexShrink: 0 }}
    >
      {timing.text}
    </Badge>
  );
}
