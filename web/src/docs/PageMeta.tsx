import { Anchor, Badge, Group, Text, Tooltip } from '@mantine/core';
import { IconCircleCheck, IconEdit, IconGitCommit } from '@tabler/icons-react';
import { TimeText } from '../components/TimeText.js';
import type { DocsPageData } from './docs-types.js';

/** Who owns the page, when it was checked and changed, and where to edit it. */
export function PageMeta({ page }: { page: DocsPageData }) {
  return (
    <Group gap="lg" wrap="wrap" mb="lg" data-testid="page-meta">
      {page.verified && (
        <Group gap={6}>
          <IconCircleCheck size={16} aria-hidden />
          <Text size="sm" c="dimmed">
            Verified on {page.verified}
          </Text>
        </Group>
      )}
      {page.lastCommit && (
        <Tooltip label={`Commit ${page.lastCommit.sha.slice(0, 10)}`}>
          <Group gap={6}>
            <IconGitCommit size={16} aria-hidden />
            <Text size="sm" c="dimmed">
              Changed <TimeText value={page.lastCommit.date} /> by {page.lastCommit.author}
            </Text>
          </Group>
        </Tooltip>
      )}
      {page.owner && (
        <Text size="sm" c="dimmed">
          Owner {page.owner.replace(/^group:default\//, '')}
        </Text>
      )}
      {page.tags.map((tag) => (
        <Badge key={tag} variant="light" color="gray" size="sm">
          {tag}
        </Badge>
      ))}
      {page.editUrl ? (
        <Anchor href={page.editUrl} target="_blank" rel="noopener noreferrer" size="sm">
          <Group gap={4}>
            <IconEdit size={16} aria-hidden />
            Edit this page
          </Group>
        </Anchor>
      ) : (
        <Tooltip label="The platform repo has no web editor configured (docs.editUrlBase)">
          <Text size="sm" c="dimmed">
            Source: {page.file}
          </Text>
        </Tooltip>
      )}
    </Group>
  );
}
