import { Tooltip } from '@mantine/core';
import type { Service } from '../api/services-types.js';
import { formatRelative } from '../components/format.js';
import { StateBadge, type StateTone } from '../components/StateBadge.js';

const LOOK: Record<Service['health']['status'], { tone: StateTone; label: string }> = {
  operational: { tone: 'ok', label: 'Operational' },
  degraded: { tone: 'warn', label: 'Degraded' },
  down: { tone: 'danger', label: 'Down' },
  disabled: { tone: 'off', label: 'Not set up' },
};

/** The platform's last check of a service, in words, with what it found on hover. */
export function HealthBadge({ health }: { health: Service['health'] }) {
  const look = LOOK[health.status];
  return (
    <Tooltip label={`${health.message} · checked ${formatRelative(health.checkedAt)}`} multiline maw={320}>
      <span data-testid="service-health">
        <StateBadge tone={look.tone} live={health.status === 'operational'}>
          {look.label}
        </StateBadge>
      </span>
    </Tooltip>
  );
}
