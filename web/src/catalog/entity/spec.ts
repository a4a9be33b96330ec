import type { EntityDetail, Relation } from '../../api/catalog-types.js';
import { parseRef } from '../refs.js';

/** The parts of an entity as written: apiVersion, kind, metadata and spec, all optional to the reader. */
export interface WrittenEntity {
  apiVersion?: string;
  kind?: string;
  metadata?: {
    name?: string;
    title?: string;
    description?: string;
    tags?: string[];
    links?: { url?: string; title?: string; icon?: string; type?: string }[];
    annotations?: Record<string, string>;
    labels?: Record<string, string>;
  };
  spec?: Record<string, unknown>;
}

/** The entity as written, typed loosely: the server checked its shape, but extensions may add kinds. */
export function writtenEntity(detail: EntityDetail): WrittenEntity {
  return (detail.entity ?? {}) as WrittenEntity;
}

/** A spec field as text, or undefined. */
export function specText(detail: EntityDetail, key: string): string | undefined {
  const value = writtenEntity(detail).spec?.[key];
  return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
}

/** A spec field as an object, or undefined. */
export function specObject(detail: EntityDetail, key: string): Record<string, unknown> | undefined {
  const value = writtenEntity(detail).spec?.[key];
  return value && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

/**
 * The relation a spec field points at (`system: regional-downscaling` → the partOf relation to
 * `system:default/regional-downscaling`), so the field can show the target's title as a link.
 */
export function relationForValue(relations: Relation[], value: string): Relation | undefined {
  const written = parseRef(value);
  const hasKind = value.includes(':');
  return relations.find((r) => {
    const target = parseRef(r.target);
    return target.name === written.name && (!hasKind || target.kind === written.kind);
  });
}

/** Bytes in the units people use for data sets: "1.1 TB". */
export function formatBytes(bytes: number): string {
  const units = ['bytes', 'kB', 'MB', 'GB', 'TB', 'PB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  const digits = value >= 100 || unit === 0 ? 0 : 1;
  return `${value.toFixed(digits)} ${units[unit]}`;
}

/** Whether the entity names a docs folder (Backstage's `backstage.io/techdocs-ref` annotation). */
export function hasDocs(detail: EntityDetail): boolean {
  return Boolean(writtenEntity(detail).metadata?.annotations?.['backstage.io/techdocs-ref']);
}
