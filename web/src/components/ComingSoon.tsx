import { Card, Grid, List, Text, ThemeIcon, Title } from '@mantine/core';
import { IconArrowRight, IconHammer } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { PageHeader } from './PageHeader.js';
import { StateBadge } from './StateBadge.js';

/** Props of {@link ComingSoon}. */
export interface ComingSoonProps {
  title: string;
  /** One sentence: what this section is for. */
  summary: string;
  /** What people will be able to do here, one line each. */
  capabilities: string[];
  /** Where to go in the meantime. */
  meanwhile: ReactNode;
}

/** A section that is planned but not built: says plainly what it will do, and shows no made-up data. */
export function ComingSoon({ title, summary, capabilities, meanwhile }: ComingSoonProps) {
  return (
    <>
      <PageHeader
        title={title}
        description={summary}
        badge={<StateBadge tone="off">Not built yet</StateBadge>}
      />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Card>
            <Title order={2} size="h3" mb="md">
              What {title} will do
            </Title>
            <List
              spacing="sm"
              icon={
                <ThemeIcon size={22} radius="xl" variant="light">
                  <IconArrowRight size={14} />
                </ThemeIcon>
              }
            >
              {capabilities.map((line) => (
                <List.Item key={line}>{line}</List.Item>
              ))}
            </List>
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Card>
            <ThemeIcon size={40} radius="md" variant="light" color="gray" mb="md">
              <IconHammer size={22} />
            </ThemeIcon>
            <Title order={2} size="h3" mb="xs">
              This section is not built yet
            </Title>
            <Text size="sm" c="dimmed">
              Nothing here is placeholder data: the page stays empty until the feature ships.
            </Text>
            <Text size="sm" mt="sm">
              {meanwhile}
            </Text>
          </Card>
        </Grid.Col>
      </Grid>
    </>
  );
}
