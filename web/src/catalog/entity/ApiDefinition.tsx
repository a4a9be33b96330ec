import { Badge, Code, Group, ScrollArea, Text } from '@mantine/core';
import { IconPlugConnected } from '@tabler/icons-react';
import type { EntityDetail } from '../../api/catalog-types.js';
import { CopyButton } from '../../components/CopyButton.js';
import { FactCard } from './FactCard.js';
import { writtenEntity } from './spec.js';

/** An API's definition (OpenAPI, AsyncAPI, GraphQL…) as written, with a copy button. */
export function ApiDefinition({ detail }: { detail: EntityDetail }) {
  const definition = writtenEntity(detail).spec?.definition;
  const apiType = detail.type ?? 'API';
  if (typeof definition !== 'string') {
    // Backstage files may point at the definition ($text: ./openapi.yaml) instead of inlining it.
    const pointer = definition && typeof definition === 'object' ? Object.values(definition)[0] : undefined;
    return (
      <FactCard title="Definition" icon={<IconPlugConnected size={18} />}>
        <Text size="sm">
          The definition is kept in a separate file
          {typeof pointer === 'string' ? (
            <>
              : <Code>{pointer}</Code>, next to the entity's file in git.
            </>
          ) : (
            '.'
          )}
        </Text>
      </FactCard>
    );
  }
  return (
    <FactCard
      title="Definition"
      icon={<IconPlugConnected size={18} />}
      extra={
        <Group gap="xs" wrap="nowrap">
          <Badge variant="default" tt="none" fw={600}>
            {apiType}
          </Badge>
          <CopyButton value={definition} label="definition" size="md" />
        </Group>
      }
    >
      <ScrollArea.Autosize mah={560} type="auto" offsetScrollbars>
        <Code block fz="xs" data-testid="api-definition">
          {definition}
        </Code>
      </ScrollArea.Autosize>
    </FactCard>
  );
}
