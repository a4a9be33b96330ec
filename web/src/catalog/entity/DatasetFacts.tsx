import { Anchor, Badge, Stack, Text, Tooltip } from '@mantine/core';
import { IconDatabase } from '@tabler/icons-react';
import type { EntityDetail } from '../../api/catalog-types.js';
import { StateBadge, type StateTone } from '../../components/StateBadge.js';
import { CopyableValue } from './CopyableValue.js';
import { FactCard, FactList, FactRow } from './FactCard.js';
import { formatBytes, specObject, specText } from './spec.js';

const sensitivities: Record<string, { tone: StateTone; hint: string }> = {
  public: { tone: 'ok', hint: 'May be shared outside the organization.' },
  internal: { tone: 'info', hint: 'For staff only; do not share it outside.' },
  confidential: { tone: 'warn', hint: 'Named teams only; reads may be logged.' },
  restricted: { tone: 'danger', hint: 'Named people only, with approval for each project.' },
};

function Sensitivity({ value }: { value: string }) {
  const known = sensitivities[value];
  return (
    <Stack gap={4}>
      <span>
        <StateBadge tone={known?.tone ?? 'off'}>{value.charAt(0).toUpperCase() + value.slice(1)}</StateBadge>
      </span>
      {known && (
        <Text size="xs" c="dimmed">
          {known.hint}
        </Text>
      )}
    </Stack>
  );
}

// SPDX identifiers such as CC-BY-4.0 have a page each; free text stays text.
function License({ value }: { value: string }) {
  if (!/^[A-Za-z0-9.+-]+$/.test(value)) return <Text size="sm">{value}</Text>;
  return (
    <Anchor href={`https://spdx.org/licenses/${value}.html`} target="_blank" rel="noreferrer" size="sm">
      {value}
    </Anchor>
  );
}

/** Where a dataset's bytes are, how to fetch it with DVC, and what may be done with it. */
export function DatasetFacts({ detail }: { detail: EntityDetail }) {
  const storage = specObject(detail, 'storage');
  const dvc = specObject(detail, 'dvc');
  const license = specText(detail, 'license');
  const sensitivity = specText(detail, 'sensitivity');
  const location = typeof storage?.location === 'string' ? storage.location : undefined;
  const format = typeof storage?.format === 'string' ? storage.format : undefined;
  const size = typeof storage?.sizeBytes === 'number' ? storage.sizeBytes : undefined;
  const remote = typeof dvc?.remote === 'string' ? dvc.remote : undefined;
  const path = typeof dvc?.path === 'string' ? dvc.path : undefined;
  return (
    <FactCard title="The data" icon={<IconDatabase size={18} />}>
      <FactList>
        <FactRow label="Stored at">
          {location ? (
            <CopyableValue value={location} label="storage location" />
          ) : (
            <Text size="sm" c="dimmed">
              Not written down
            </Text>
          )}
        </FactRow>
        {format && (
          <FactRow label="Format">
            <Badge variant="default" tt="none" fw={600}>
              {format}
            </Badge>
          </FactRow>
        )}
        {size !== undefined && (
          <FactRow label="Size">
            <Tooltip label={`${size.toLocaleString()} bytes`}>
              <Text size="sm" span>
                {formatBytes(size)}
              </Text>
            </Tooltip>
          </FactRow>
        )}
        {remote && (
          <FactRow label="DVC remote">{<CopyableValue value={remote} label="DVC remote" />}</FactRow>
        )}
        {path && <FactRow label="DVC path">{<CopyableValue value={path} label="DVC path" />}</FactRow>}
        <FactRow label="Licence">
          {license ? (
            <License value={license} />
          ) : (
            <Text size="sm" c="dimmed">
              Not stated: ask the owner before reusing it
            </Text>
          )}
        </FactRow>
        <FactRow label="Sensitivity">
          {sensitivity ? (
            <Sensitivity value={sensitivity} />
          ) : (
            <Text size="sm" c="dimmed">
              Not stated
            </Text>
          )}
        </FactRow>
      </FactList>
    </FactCard>
  );
}
