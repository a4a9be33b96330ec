import { Card, DataList, Group, Text, ThemeIcon, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** A card of labelled facts with a title and an icon, as the Overview tab shows them. */
export function FactCard({
  title,
  icon,
  children,
  extra,
}: {
  title: string;
  icon: ReactNode;
  children: ReactNode;
  /** Shown on the right of the title, e.g. a copy button. */
  extra?: ReactNode;
}) {
  return (
    <Card p="lg">
      <Group justify="space-between" mb="md" wrap="nowrap">
        <Group gap="sm" wrap="nowrap">
          <ThemeIcon variant="light" size={32} radius="md" aria-hidden="true">
            {icon}
          </ThemeIcon>
          <Title order={2} size="h3">
            {title}
          </Title>
        </Group>
        {extra}
      </Group>
      {children}
    </Card>
  );
}

/** A list of label/value rows inside a {@link FactCard}. */
export function FactList({ children }: { children: ReactNode }) {
  return (
    <DataList withDivider labelWidth="150px" gap="sm">
      {children}
    </DataList>
  );
}

/** One row of a {@link FactList}; the value may be plain text or any element. */
export function FactRow({ label, children }: { label: string; children: ReactNode }) {
  return (
    <DataList.Item>
      <DataList.ItemLabel>
        <Text size="sm" c="dimmed" fw={500}>
          {label}
        </Text>
      </DataList.ItemLabel>
      <DataList.ItemValue>
        {typeof children === 'string' ? <Text size="sm">{children}</Text> : children}
      </DataList.ItemValue>
    </DataList.Item>
  );
}
