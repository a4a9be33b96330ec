import { Badge } from '@mantine/core';
import type { ReactNode } from 'react';

/** How a state feels: the colour follows, but the text always says it. */
export type StateTone = 'ok' | 'info' | 'warn' | 'danger' | 'off';

const toneColor: Record<StateTone, string> = {
  ok: 'teal',
  info: 'petrol',
  warn: 'yellow',
  danger: 'red',
  off: 'gray',
};

/** Props of {@link StateBadge}. */
export interface StateBadgeProps {
  tone: StateTone;
  children: ReactNode;
  /** Something is happening right now (a running job): the dot pulses gently. */
  live?: boolean;
}

/** A state chip with words on it (colour is never the only signal). */
export function StateBadge({ tone, children, live = false }: StateBadgeProps) {
  return (
    <Badge
      variant={tone === 'off' ? 'default' : 'light'}
      color={toneColor[tone]}
      leftSection={
        <span aria-hidden="true" style={dotStyle} className={live ? 'plinth-live-dot' : undefined} />
      }
      tt="none"
      style={{ flexShrink: 0 }}
      fw={600}
    >
      {children}
    </Badge>
  );
}

const dotStyle = {
  display: 'inline-block',
  width: 6,
  height: 6,
  borderRadius: '50%',
  background: 'currentColor',
} as const;
