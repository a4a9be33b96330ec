import { Anchor, Badge, Code, Group, Text } from '@mantine/core';
import { IconListDetails } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import type { EntityDetail } from '../../api/catalog-types.js';
import { EntityLink } from '../EntityLink.js';
import { FactCard, FactList, FactRow } from './FactCard.js';
import { relationForValue, writtenEntity } from './spec.js';

// Shown elsewhere on the page: in the header facts, in the Relations card, or in a kind's own card.
const shownElsewhere = new Set([
  'owner',
  'type',
  'lifecycle',
  'providesApis',
  'consumesApis',
  'dependsOn',
  'dependencyOf',
  'members',
  'children',
  'memberOf',
]);
const shownByKind: Record<string, string[]> = {
  dataset: ['storage', 'dvc', 'license', 'sensitivity'],
  api: ['definition'],
  technology: ['quadrant', 'ring', 'history', 'homepage'],
  group: ['profile'],
  user: ['profile'],
};

// Annotations people recognise get a name; the rest keep their key.
const annotationNames: Record<string, string> = {
  'plinth.dev/source-location': 'Source code',
  'backstage.io/source-location': 'Source code',
  'plinth.dev/docs': 'Docs folder',
  'backstage.io/techdocs-ref': 'Docs',
};

const isUrl = (text: string) => /^https?:\/\/\S+$/.test(text);

function TextValue({ text, detail }: { text: string; detail: EntityDetail }) {
  const url = text.replace(/^url:/, '');
  if (isUrl(url)) {
    return (
      <Anchor href={url} target="_blank" rel="noreferrer" size="sm" style={{ wordBreak: 'break-all' }}>
        {url}
      </Anchor>
    );
  }
  const relation = relationForValue(detail.relations, text);
  if (relation)
    return <EntityLink entityRef={relation.target} title={relation.targetTitle} exists={relation.exists} />;
  return <Text size="sm">{text}</Text>;
}

function Value({ value, detail }: { value: unknown; detail: EntityDetail }): ReactNode {
  if (typeof value === 'string') return <TextValue text={value} detail={detail} />;
  if (typeof value === 'number' || typeof value === 'boolean') return <Text size="sm">{String(value)}</Text>;
  if (Array.isArray(value) && value.every((v) => typeof v !== 'object')) {
    return (
      <Group gap={4}>
        {value.map((v) => (
          <Badge key={String(v)} variant="default" tt="none" fw={500}>
            {String(v)}
          </Badge>
        ))}
      </Group>
    );
  }
  return (
    <Code block fz="xs">
      {JSON.stringify(value, null, 2)}
    </Code>
  );
}

const fieldLabel = (key: string) => {
  const words = key.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

/** The rest of what the entity's file says: other spec fields and annotations, links where they point. */
export function SpecDetails({ detail, optional = false }: { detail: EntityDetail; optional?: boolean }) {
  const written = writtenEntity(detail);
  const skip = new Set([...shownElsewhere, ...(shownByKind[detail.kind] ?? [])]);
  const fields = Object.entries(written.spec ?? {}).filter(([key, value]) => !skip.has(key) && value != null);
  const annotations = Object.entries(written.metadata?.annotations ?? {});
  if (optional && fields.length === 0 && annotations.length === 0) return null;
  return (
    <FactCard title="Details" icon={<IconListDetails size={18} />}>
      {fields.length === 0 && annotations.length === 0 ? (
        <Text size="sm" c="dimmed">
          Nothing more is written about this entity: its owner and links are above, its relations beside.
        </Text>
      ) : (
        <FactList>
          {fields.map(([key, value]) => (
            <FactRow key={key} label={fieldLabel(key)}>
              <Value value={value} detail={detail} />
            </FactRow>
          ))}
          {annotations.map(([key, value]) => (
            <FactRow key={key} label={annotationNames[key] ?? key}>
              <TextValue text={value} detail={detail} />
            </FactRow>
          ))}
        </FactList>
      )}
    </FactCard>
  );
}
