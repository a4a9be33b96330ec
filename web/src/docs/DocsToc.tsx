import { Anchor, Stack, Text } from '@mantine/core';
import type { DocsPageData } from './docs-types.js';

/** The page's headings, for jumping within it. */
export function DocsToc({ toc }: { toc: DocsPageData['toc'] }) {
  if (toc.length === 0) return null;
  return (
    <Stack gap={6} component="nav" aria-label="On this page">
      <Text size="xs" fw={700} tt="uppercase" c="dimmed">
        On this page
      </Text>
      {toc.map((heading) => (
        <Anchor
          key={heading.id}
          href={`#${heading.id}`}
          size="sm"
          c="dimmed"
          pl={heading.level === 3 ? 'sm' : 0}
          onClick={(event) => {
            event.preventDefault();
            document.getElementById(heading.id)?.scrollIntoView({ behavior: 'smooth', block: 'start' });
            history.replaceState(null, '', `#${heading.id}`);
          }}
        >
          {heading.title}
        </Anchor>
      ))}
    </Stack>
  );
}
