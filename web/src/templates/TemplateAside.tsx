import { Badge, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { entityHref } from '../app/routes.js';
import { CopyButton } from '../components/CopyButton.js';
import { TemplateIcon } from './TemplateCard.js';
import type { TemplateDetail } from './template-types.js';

/** Beside the form: what the template does, the checks its output must pass, and the CLI equivalent. */
export function TemplateAside({ template }: { template: TemplateDetail }) {
  const cli = `plinth new ${template.name}`;
  return (
    <Stack gap="lg">
      <Card>
        <Group gap="sm" mb="sm" wrap="nowrap">
          <TemplateIcon type={template.type} size={32} />
          <div>
            <Text fw={600}>{template.title}</Text>
            {template.owner && (
              <Text size="xs" c="dimmed">
                Maintained by{' '}
                <Link to={entityHref(template.owner)} style={{ color: 'inherit' }}>
                  {template.owner.replace(/^group:default\//, '')}
                </Link>
              </Text>
            )}
          </div>
        </Group>
        <Title order={3} size="h6" mt="xs" mb={6}>
          What it does
        </Title>
        <List size="sm" spacing={4} type="ordered">
          {template.steps.map((s) => (
            <List.Item key={s.id}>
              {s.name}{' '}
              <Text span size="xs" c="dimmed" ff="monospace">
                {s.action}
              </Text>
            </List.Item>
          ))}
        </List>
      </Card>
      <Card>
        <Title order={3} size="h6" mb={6}>
          Policy checks before anything is published
        </Title>
        <Stack gap={6}>
          {template.checks.map((c) => (
            <Group key={c.name} gap="xs" justify="space-between" wrap="nowrap">
              <Text size="sm" style={{ flex: 1, minWidth: 0 }}>
                {c.title}
              </Text>
              <Badge size="xs" variant="light" color={c.blocking ? 'blue' : 'gray'} style={{ flexShrink: 0 }}>
                {c.required ? 'always' : c.blocking ? 'blocking' : 'advisory'}
              </Badge>
            </Group>
          ))}
        </Stack>
      </Card>
      <Card>
        <Title order={3} size="h6" mb={6}>
          From a terminal
        </Title>
        <Group gap="xs" wrap="nowrap" justify="space-between">
          <Text size="sm" ff="monospace">
            {cli}
          </Text>
          <CopyButton value={cli} label="command" />
        </Group>
      </Card>
    </Stack>
  );
}
