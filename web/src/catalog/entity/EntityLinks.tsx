import { Button, Group } from '@mantine/core';
import {
  IconBook,
  IconBrandGit,
  IconChartLine,
  IconExternalLink,
  IconMail,
  IconMessage,
  IconWorldWww,
} from '@tabler/icons-react';
import type { WrittenEntity } from './spec.js';

// Backstage's usual link icons; anything else gets the plain external-link arrow.
const icons: Record<string, typeof IconBook> = {
  docs: IconBook,
  dashboard: IconChartLine,
  web: IconWorldWww,
  github: IconBrandGit,
  gitlab: IconBrandGit,
  code: IconBrandGit,
  chat: IconMessage,
  email: IconMail,
};

type LinkInfo = NonNullable<NonNullable<WrittenEntity['metadata']>['links']>[number];

/** The entity's `metadata.links` as buttons that open in a new tab. */
export function EntityLinks({ links }: { links: LinkInfo[] }) {
  const usable = links.filter(
    (l): l is LinkInfo & { url: string } => typeof l.url === 'string' && l.url !== '',
  );
  if (usable.length === 0) return null;
  return (
    <Group gap="xs" data-testid="entity-links">
      {usable.map((link) => {
        const Icon = icons[link.icon ?? link.type ?? ''] ?? IconExternalLink;
        return (
          <Button
            key={link.url}
            component="a"
            href={link.url}
            target="_blank"
            rel="noreferrer"
            variant="default"
            size="xs"
            leftSection={<Icon size={15} />}
            rightSection={<IconExternalLink size={12} opacity={0.6} />}
          >
            {link.title ?? link.url}
          </Button>
        );
      })}
    </Group>
  );
}
