import { NavLink, ScrollArea, Stack, Text } from '@mantine/core';
import { IconBook, IconChecklist, IconFolder, IconStars } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { DocsSourceData } from './docs-types.js';

const ICONS = { guide: IconChecklist, practice: IconStars, doc: IconBook } as const;

/** The navigation of every source, the current page highlighted. */
export function DocsNav({ sources, current }: { sources: DocsSourceData[]; current: string }) {
  return (
    <ScrollArea.Autosize mah="calc(100vh - 140px)" type="scroll" offsetScrollbars>
      <Stack gap="lg" component="nav" aria-label="Docs navigation">
        {sources.map((source) => (
          <Stack gap={2} key={source.key}>
            <Text size="xs" fw={700} tt="uppercase" c="dimmed" px="xs" mb={4}>
              {source.title}
            </Text>
            {source.nav.map((item, i) => {
              // Folders without a page have no URL; the position in the fixed list names them.
              const key = item.url ?? `${source.key}:${i}`;
              const Icon = item.folder ? IconFolder : ICONS[item.type ?? 'doc'];
              const common = {
                label: item.title,
                leftSection: <Icon size={16} stroke={1.6} />,
                style: { paddingLeft: `calc(${item.depth} * 14px + 8px)` },
                active: item.url === current,
              };
              return item.url ? (
                <NavLink key={key} component={Link} to={item.url} {...common} />
              ) : (
                <NavLink key={key} {...common} disabled={false} fw={600} component="div" />
              );
            })}
          </Stack>
        ))}
      </Stack>
    </ScrollArea.Autosize>
  );
}
