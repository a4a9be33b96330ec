import { Card, Group, ScrollArea, Text } from '@mantine/core';
import type { EntityDetail } from '../../api/catalog-types.js';
import { CopyButton } from '../../components/CopyButton.js';

/**
 * The file line of the raw text's first line. The raw document may start with `---` or comments
 * before the line the source points at (the entity's first key), so count back from that key.
 */
function firstLineNumber(raw: string, entityLine: number): number {
  const lines = raw.split('\n');
  const keyIndex = lines.findIndex((l) => l.trim() !== '' && l.trim() !== '---' && !l.trim().startsWith('#'));
  return Math.max(1, entityLine - Math.max(0, keyIndex));
}

/** The entity exactly as written in git, with the file's own line numbers and a copy button. */
export function YamlTab({ detail, path }: { detail: EntityDetail; path: string }) {
  const raw = detail.raw.replace(/\n$/, '');
  const first = firstLineNumber(raw, detail.source.line);
  const lines = raw.split('\n');
  const width = String(first + lines.length).length;
  return (
    <Card p={0}>
      <Group
        justify="space-between"
        px="md"
        py="xs"
        style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}
      >
        <Text size="sm" ff="monospace" c="dimmed">
          {path}
        </Text>
        <CopyButton value={detail.raw} label="YAML" size="md" />
      </Group>
      <ScrollArea type="auto" offsetScrollbars>
        <pre className="plinth-yaml" data-testid="entity-yaml">
          {lines.map((line, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: lines of a file are identified by their number
            <div key={i}>
              <span className="plinth-yaml-number" aria-hidden="true">
                {String(first + i).padStart(width, ' ')}
              </span>
              {line || ' '}
            </div>
          ))}
        </pre>
      </ScrollArea>
    </Card>
  );
}
