import { Badge, Group, Stack, Text } from '@mantine/core';
import type { SearchHit } from './search-types.js';
import { typeLabel } from './search-types.js';

const ownerName = (owner: string) => owner.replace(/^group:default\//, '');

/** One result: title, what it is, and the words that matched in context. */
export function SearchHitBody({ hit, compact = false }: { hit: SearchHit; compact?: boolean }) {
  return (
    <Stack gap={2} style={{ minWidth: 0, flex: 1 }}>
      <Group gap="xs" wrap="nowrap">
        <Text fw={600} size="sm" truncate c="var(--mantine-color-anchor)">
          {hit.title}
        </Text>
        {hit.kind && (
          <Badge size="xs" variant="light" color="gray">
            {hit.kind}
          </Badge>
        )}
        {!compact && (
          <Badge size="xs" variant="light">
            {typeLabel(hit.type).replace(/s$/, '')}
          </Badge>
        )}
      </Group>
      {hit.snippet && (
        <Text
          size="sm"
          c="dimmed"
          lineClamp={compact ? 1 : 2}
          className="search-snippet"
          // The server escapes the text; <mark> around matched words is the only markup.
          // biome-ignore lint/security/noDangerouslySetInnerHtml: escaped on the server, only <mark> remains
          dangerouslySetInnerHTML={{ __html: hit.snippet }}
        />
      )}
      {!compact && (hit.owner || hit.tags.length > 0) && (
        <Group gap={6}>
          {hit.owner && (
            <Text size="xs" c="dimmed">
              {ownerName(hit.owner)}
            </Text>
          )}
          {hit.tags.slice(0, 5).map((tag) => (
            <Badge key={tag} size="xs" variant="outline" color="gray">
              {tag}
            </Badge>
          ))}
        </Group>
      )}
    </Stack>
  );
}
