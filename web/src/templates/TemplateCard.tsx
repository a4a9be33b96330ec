import { Badge, Card, Group, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconArrowRight, IconCloud, IconFlask, IconFolderCode, IconTemplate } from '@tabler/icons-react';
import { Link } from 'react-router';
import { templateHref } from '../app/routes.js';
import type { TemplateSummary } from './template-types.js';

const typeIcons: Record<string, typeof IconTemplate> = {
  project: IconFolderCode,
  infrastructure: IconCloud,
  experiment: IconFlask,
};

/** The icon of a template's type; a plain template icon for types it does not know. */
export function TemplateIcon({ type, size = 40 }: { type: string; size?: number }) {
  const Icon = typeIcons[type] ?? IconTemplate;
  return (
    <ThemeIcon size={size} radius="md" variant="light" aria-hidden="true">
      <Icon size={size * 0.55} />
    </ThemeIcon>
  );
}

/** One template of the gallery: the whole card opens its form. */
export function TemplateCard({ template }: { template: TemplateSummary }) {
  return (
    <Card
      component={Link}
      to={templateHref(template.ref)}
      className="plinth-template-card"
      data-template={template.name}
      aria-label={`${template.title}: choose`}
    >
      <Stack gap="sm" h="100%">
        <Group gap="sm" wrap="nowrap" align="flex-start">
          <TemplateIcon type={template.type} />
          <div style={{ minWidth: 0 }}>
            <Text fw={600} lh={1.3}>
              {template.title}
            </Text>
            <Text size="xs" c="dimmed" tt="capitalize">
              {template.type}
              {template.owner ? ` · ${template.owner.replace(/^group:default\//, '')}` : ''}
            </Text>
          </div>
        </Group>
        <Text size="sm" c="dimmed" lineClamp={3} style={{ flexGrow: 1 }}>
          {template.description ?? 'No description yet.'}
        </Text>
        <Group justify="space-between" wrap="nowrap" gap="xs">
          <Group gap={4}>
            {template.tags.slice(0, 4).map((tag) => (
              <Badge key={tag} size="sm" variant="default" tt="none">
                {tag}
              </Badge>
            ))}
          </Group>
          <IconArrowRight size={18} className="plinth-template-card-arrow" aria-hidden="true" />
        </Group>
      </Stack>
    </Card>
  );
}
