import { Anchor, Group, ThemeIcon, Title } from '@mantine/core';
import { IconChevronRight } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Link } from 'react-router';

/** The head every Home card shares: its icon and title, and at most one action on the right. */
export function HomeCardHeader({
  icon,
  title,
  action,
}: {
  icon: ReactNode;
  title: string;
  action?: ReactNode;
}) {
  return (
    <Group justify="space-between" mb="sm" wrap="nowrap">
      <Group gap="sm" wrap="nowrap">
        <ThemeIcon variant="light" size={32} radius="md">
          {icon}
        </ThemeIcon>
        <Title order={2} size="h3">
          {title}
        </Title>
      </Group>
      {action}
    </Group>
  );
}

/** The last line of a Home card's short list: the way to the whole of it. */
export function SeeAllLink({ to, children }: { to: string; children: ReactNode }) {
  return (
    <Anchor component={Link} to={to} size="sm" mt={4}>
      <Group gap={2} component="span">
        {children} <IconChevronRight size={14} />
      </Group>
    </Anchor>
  );
}
