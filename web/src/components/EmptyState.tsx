import { EmptyState as MantineEmptyState } from '@mantine/core';
import type { ReactNode } from 'react';

/** Props of {@link EmptyState}. */
export interface EmptyStateProps {
  icon: ReactNode;
  title: string;
  /** Why it is empty and what fills it. */
  children: ReactNode;
  /** The action that fills it, e.g. a "Create token" button. */
  action?: ReactNode;
  size?: 'sm' | 'md';
  /** Heading level of the title: 1 when the empty state is the whole page. */
  titleOrder?: 1 | 2 | 3 | 4;
}

/** An empty list that teaches: why it is empty, and the action that fills it. */
export function EmptyState({ icon, title, children, action, size = 'md', titleOrder }: EmptyStateProps) {
  return (
    <MantineEmptyState
      size={size === 'md' ? 'md' : 'xs'}
      variant="light"
      py={size === 'md' ? 'xl' : 'md'}
      px="md"
    >
      <MantineEmptyState.Indicator>{icon}</MantineEmptyState.Indicator>
      <MantineEmptyState.Title order={titleOrder ?? (size === 'md' ? 2 : 3)}>{title}</MantineEmptyState.Title>
      <MantineEmptyState.Description>{children}</MantineEmptyState.Description>
      {action && <MantineEmptyState.Actions>{action}</MantineEmptyState.Actions>}
    </MantineEmptyState>
  );
}
