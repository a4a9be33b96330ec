import { Card, Group, Text, ThemeIcon, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { StateBadge } from '../components/StateBadge.js';

/** Props of {@link LaterCard}. */
export interface LaterCardProps {
  icon: ReactNode;
  title: string;
  /** What the card will show once its section exists. */
  children: ReactNode;
}

/** A Home card for something that arrives later: says what it will show, and shows nothing made up. */
export function LaterCard({ icon, title, children }: LaterCardProps) {
  return (
    <Card h="100%">
      <Group justify="space-between" mb="sm" wrap="nowrap">
        <Group gap="sm" wrap="nowrap">
          <ThemeIcon variant="light" color="gray" size={32} radius="md">
            {icon}
          </ThemeIcon>
          <Title order={2} size="h3">
            {title}
          </Title>
        </Group>
        <StateBadge tone="off">Coming later</StateBadge>
      </Group>
      <Text size="sm" c="dimmed">
        {children}
      </Text>
    </Card>
  );
}
