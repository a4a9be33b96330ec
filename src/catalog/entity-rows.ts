import { createHash } from 'node:crypto';
import type { EntityJob } from './entity-job.js';
import type { ParsedEntity } from './model.js';
import type { CatalogEntitiesTable } from './tables.js';

const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);

/** The owner as a canonical ref; a bare name means a Group in the entity's namespace. */
export function ownerRef(owner: unknown, namespace: string): string | null {
  if (typeof owner !== 'string' || owner === '') return null;
  const lower = owner.toLowerCase();
  const withKind = lower.includes(':') ? lower : `group:${lower}`;
  const [kind, rest] = withKind.split(':', 2) as [string, string];
  return rest.includes('/') ? `${kind}:${rest}` : `${kind}:${namespace.toLowerCase()}/${rest}`;
}

/** The row stored for a parsed entity. */
export function toEntityRow(
  parsed: ParsedEntity,
  locationId: string,
  now: string,
  job?: EntityJob,
): CatalogEntitiesTable {
  const { entity, ref, position } = parsed;
  const jobJson = job ? JSON.stringify(job) : null;
  const namespace = entity.metadata.namespace ?? 'default';
  const json = JSON.stringify(entity);
  const tags = entity.metadata.tags ?? [];
  const spec = entity.spec ?? {};
  return {
    ref,
    location_id: locationId,
    kind: entity.kind.toLowerCase(),
    namespace: namespace.toLowerCase(),
    name: entity.metadata.name,
    // People are known by their display name, not their account name.
    title:
      text(entity.metadata.title) ??
      text((spec.profile as { displayName?: unknown } | undefined)?.displayName),
    description: text(entity.metadata.description),
    type: text(spec.type),
    lifecycle: text(spec.lifecycle),
    owner: ownerRef(spec.owner, namespace),
    search_text: [entity.metadata.name, entity.metadata.title, entity.metadata.description, ...tags]
      .filter(Boolean)
      .join(' ')
      .toLowerCase(),
    entity: json,
    raw: parsed.raw,
    // The job file is part of it: editing only the job file must update the entity's stored copy.
    hash: createHash('sha256')
      .update(json)
      .update(position.file)
      .update(String(position.line))
      .update(jobJson ?? '')
      .digest('hex'),
    file: position.file,
    line: position.line,
    updated_at: now,
    job: jobJson,
  };
}
