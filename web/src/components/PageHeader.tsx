import { Anchor, Box, Breadcrumbs, Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { usePageTitle } from './use-page-title.js';

/** One step of the breadcrumb trail above a page title. */
export interface Crumb {
  label: string;
  href?: string;
}

/** Props of {@link PageHeader}. */
export interface PageHeaderProps {
  title: string;
  /** The sections above this page, outermost first (Home is added for you). */
  trail?: Crumb[];
  description?: ReactNode;
  /** Buttons for the page's main actions, on the right. */
  actions?: ReactNode;
  /** Small elements beside the title, such as a state badge. */
  badge?: ReactNode;
}

/**
 * The top of every page: breadcrumbs, the title (which also names the browser tab),
 * what the page is for, and its main actions.
 */
export function PageHeader({ title, trail = [], description, actions, badge }: PageHeaderProps) {
  usePageTitle([title, ...[...trail].reverse().map((c) => c.label)]);
  const crumbs: Crumb[] = [{ label: 'Home', href: '/' }, ...trail];
  return (
    <Stack gap={6} mb="xl">
      <Breadcrumbs separatorMargin={6} aria-label="Breadcrumbs">
        {crumbs.map((crumb) =>
          crumb.href ? (
            <Anchor key={crumb.label} component={Link} to={crumb.href} size="sm" c="dimmed">
              {crumb.label}
            </Anchor>
          ) : (
            <Text key={crumb.label} size="sm" c="dimmed">
              {crumb.label}
            </Text>
          ),
        )}
        <Text size="sm" fw={500} aria-current="page">
          {title}
        </Text>
      </Breadcrumbs>
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="md">
        <Box style={{ flex: '1 1 26rem', minWidth: 0 }}>
          <Group gap="sm" align="center">
            <Title order={1}>{title}</Title>
            {badge}
          </Group>
          {description && (
            <Text c="dimmed" mt={6} maw={760}>
              {description}
            </Text>
          )}
        </Box>
        {actions && <Group gap="sm">{actions}</Group>}
      </Group>
    </Stack>
  );
}
