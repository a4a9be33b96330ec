import type { EntityDetail, EntitySummary, Location, Problem, Revision } from './catalog-api.js';
import { fields, table, when } from './output.js';

/** Turns a problem into its `file:line:col code message` line. */
export type ProblemFormatter = (problem: Problem) => string;

/**
 * The formatter `plinth catalog validate` uses, so that both commands print the same lines.
 * Loaded on demand: the catalog module brings the validator with it, which no other command needs.
 */
export async function loadProblemFormatter(): Promise<ProblemFormatter> {
  const { formatProblem } = await import('../catalog/index.js');
  return (problem) =>
    formatProblem({
      ...problem,
      entityRef: problem.entityRef ?? undefined,
      field: problem.field ?? undefined,
    });
}

/** Entities as a table. */
export function entitiesTable(entities: EntitySummary[]): string {
  return table(entities, [
    { heading: 'ref', cell: (e) => e.ref },
    { heading: 'title', cell: (e) => e.title ?? '-' },
    { heading: 'type', cell: (e) => e.type ?? '-' },
    { heading: 'owner', cell: (e) => e.owner ?? '-' },
    { heading: 'lifecycle', cell: (e) => e.lifecycle ?? '-' },
  ]);
}

/**
 * How many entities a listing shows out of how many match, and how to get the rest.
 * @example entityCount(3, 120, 'abc') // "Showing 3 of 120 entities. Add --all …, or --cursor abc …"
 */
export function entityCount(shown: number, total: number, nextCursor: string | null): string {
  const noun = total === 1 ? 'entity' : 'entities';
  if (nextCursor === null) return `${shown} of ${total} ${noun}.`;
  return `Showing ${shown} of ${total} ${noun}. Add --all for everything, or --cursor ${nextCursor} for the next page.`;
}

/**
 * One entity for a person: its fields, where it is written, its relations by type, and its
 * problems (given already formatted, see {@link loadProblemFormatter}).
 */
export function entityDetail(entity: EntityDetail, problemLines: readonly string[]): string {
  const { source } = entity;
  const head = fields([
    ['ref', entity.ref],
    ['title', entity.title ?? '-'],
    ['description', entity.description ?? '-'],
    ['type', entity.type ?? '-'],
    ['owner', entity.owner ?? '-'],
    ['lifecycle', entity.lifecycle ?? '-'],
    ['tags', entity.tags.join(', ') || '-'],
    ['source', `${source.file}:${source.line} (location ${source.location.name})`],
    ['edit', source.editUrl ?? '-'],
    ['updated', when(entity.updatedAt)],
  ]);
  const sections = [head, relationsSection(entity.relations)];
  if (problemLines.length > 0)
    sections.push(['Problems:', ...problemLines.map((line) => `  ${line}`)].join('\n'));
  return sections.join('\n\n');
}

function relationsSection(relations: EntityDetail['relations']): string {
  if (relations.length === 0) return 'Relations: none';
  const byType = new Map<string, EntityDetail['relations']>();
  for (const relation of relations)
    byType.set(relation.type, [...(byType.get(relation.type) ?? []), relation]);
  const lines = ['Relations:'];
  for (const [type, group] of byType) {
    lines.push(`  ${type}`);
    for (const r of group) {
      const title = r.targetTitle === null ? '' : ` (${r.targetTitle})`;
      lines.push(`    ${r.target}${title}${r.exists ? '' : ' — not in the catalog'}`);
    }
  }
  return lines.join('\n');
}

/** Problems under the name of their location, in the order the server sent them. */
export function problemsByLocation(problems: Problem[], format: ProblemFormatter): string {
  const byLocation = new Map<string, Problem[]>();
  for (const p of problems) byLocation.set(p.location.name, [...(byLocation.get(p.location.name) ?? []), p]);
  return [...byLocation]
    .map(([name, group]) => [`${name}:`, ...group.map((p) => `  ${format(p)}`)].join('\n'))
    .join('\n\n');
}

/** Locations as a table. */
export function locationsTable(locations: Location[]): string {
  return table(locations, [
    { heading: 'name', cell: (l) => l.name },
    { heading: 'reader', cell: (l) => l.reader },
    { heading: 'target', cell: (l) => (l.path ? `${l.target} (${l.path})` : l.target) },
    { heading: 'from', cell: (l) => l.origin },
    { heading: 'last sync', cell: (l) => `${l.lastSync.status} ${when(l.lastSync.at)}` },
    { heading: 'commit', cell: (l) => shortSha(l.commit?.sha ?? null) },
    { heading: 'entities', cell: (l) => String(l.entityCount) },
    { heading: 'problems', cell: (l) => String(l.problemCount) },
  ]);
}

/** Revisions of a location as a table, newest first as the server sends them. */
export function revisionsTable(revisions: Revision[]): string {
  return table(revisions, [
    { heading: 'applied', cell: (r) => when(r.appliedAt) },
    { heading: 'outcome', cell: (r) => r.outcome },
    { heading: 'commit', cell: (r) => shortSha(r.sha) },
    { heading: 'added', cell: (r) => String(r.added) },
    { heading: 'changed', cell: (r) => String(r.changed) },
    { heading: 'removed', cell: (r) => String(r.removed) },
    { heading: 'problems', cell: (r) => String(r.problems) },
    { heading: 'message', cell: (r) => oneLine(r.error ?? r.message ?? '-') },
  ]);
}

/**
 * The one-line result of a sync.
 * @example syncLine('platform', revision) // "platform: applied abc1234 — 3 added, 1 changed, 0 removed, 2 problems"
 */
export function syncLine(name: string, revision: Revision): string {
  if (revision.outcome === 'failed') return failedSyncLine(name, revision.error ?? 'unknown error');
  const sha = revision.sha === null ? '' : ` ${shortSha(revision.sha)}`;
  const counts = `${revision.added} added, ${revision.changed} changed, ${revision.removed} removed`;
  const problems = `${revision.problems} ${revision.problems === 1 ? 'problem' : 'problems'}`;
  return `${name}: applied${sha} — ${counts}, ${problems}`;
}

/** The one-line result of a sync that did not happen. */
export function failedSyncLine(name: string, error: string): string {
  return `${name}: FAILED — ${oneLine(error)}`;
}

function shortSha(sha: string | null): string {
  return sha === null ? '-' : sha.slice(0, 7);
}

function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ');
}
