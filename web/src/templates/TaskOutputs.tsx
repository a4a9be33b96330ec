import { Button, Group } from '@mantine/core';
import { IconBrandGit, IconDownload, IconExternalLink, IconLayoutList } from '@tabler/icons-react';
import { Link } from 'react-router';
import { entityHref } from '../app/routes.js';
import type { OutputLink } from './template-types.js';

function icon(link: OutputLink) {
  if (link.icon === 'download' || link.url?.includes('/archive/')) return <IconDownload size={16} />;
  if (link.icon === 'git') return <IconBrandGit size={16} />;
  if (link.entityRef) return <IconLayoutList size={16} />;
  return <IconExternalLink size={16} />;
}

/** What a finished task made, as buttons: the repository, the catalog entity, the download. */
export function TaskOutputs({ output }: { output: OutputLink[] }) {
  return (
    <Group gap="sm" data-testid="task-outputs">
      {output.map((link, i) =>
        link.entityRef && !link.url ? (
          <Button
            key={link.entityRef}
            component={Link}
            to={entityHref(link.entityRef)}
            leftSection={icon(link)}
          >
            {link.title}
          </Button>
        ) : link.url?.startsWith('/api/') ? (
          <Button
            key={link.url}
            component="a"
            href={link.url}
            download
            leftSection={icon(link)}
            variant={i === 0 ? 'filled' : 'default'}
          >
            {link.title}
          </Button>
        ) : (
          <Button
            key={link.url ?? i}
            component="a"
            href={link.url ?? '#'}
            target="_blank"
            rel="noreferrer"
            leftSection={icon(link)}
            variant={i === 0 ? 'filled' : 'default'}
          >
            {link.title}
          </Button>
        ),
      )}
    </Group>
  );
}
