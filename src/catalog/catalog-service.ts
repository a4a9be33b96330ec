import { decodeCursor, encodeCursor } from '../core/cursor.js';
import { parseYamlBounded } from '../core/yaml-limits.js';
import { catalogErrors } from './catalog-errors.js';
import type { EntityJob } from './entity-job.js';
import { type EntityStore, type FacetName, toSummary } from './entity-store.js';
import { RELATION_PAIRS } from './model.js';
import type { ProblemFilter, ProblemStore } from './problem-store.js';
import type { EntityDetail, EntityListQuery, Problem } from './schemas.js';
import { sourceLinks } from './source-links.js';

const INVERSE_TO_FORWARD = new Map<string, string>(Object.entries(RELATION_PAIRS).map(([f, i]) => [i, f]));

/** Relations are stored both ways; a graph draws each once, in its forward direction (ownedBy, not ownerOf). */
function forward(r: { source: string; type: string; target: string }) {
  const type = INVERSE_TO_FORWARD.get(r.type);
  return type ? { source: r.target, type, target: r.source } : r;
}

const FACETS: FacetName[] = ['kind', 'type', 'owner', 'lifecycle', 'tag', 'namespace'];

type ProblemRow = Awaited<ReturnType<ProblemStore['list']>>[number];

function toProblem(row: ProblemRow): Problem {
  const location = { reader: row.reader, target: row.target, branch: row.branch, path: row.path };
  return {
    code: row.code,
    severity: row.severity === 'warning' ? 'warning' : 'error',
    message: row.message,
    file: row.file,
    line: row.line,
    column: row.col,
    entityRef: row.entity_ref,
    entityExists: Boolean(row.entity_exists),
    field: row.field,
    location: { id: row.location_id, name: row.location_name },
    editUrl: sourceLinks(location, row.file, row.line).editUrl,
  };
}

/** Reading the catalog: filtered lists with facet counts, entity pages, graphs and problems. */
export class CatalogService {
  constructor(
    private readonly entities: EntityStore,
    private readonly problems: ProblemStore,
  ) {}

  async list(query: EntityListQuery) {
    const limit = query.limit ?? 50;
    const cursor = decodeCursor(query.cursor);
    const after = cursor ? (JSON.parse(cursor) as [string, string]) : undefined;
    const [{ rows, sortValue }, total] = await Promise.all([
      this.entities.list(query, after, limit),
      this.entities.count(query),
    ]);
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    const nextCursor =
      rows.length > limit && last ? encodeCursor(JSON.stringify([sortValue(last), last.ref])) : null;
    return { items: items.map((row) => toSummary(row)), nextCursor, total };
  }

  async facets(query: EntityListQuery) {
    const counts = await Promise.all(FACETS.map((name) => this.entities.facet(name, query)));
    return Object.fromEntries(FACETS.map((name, i) => [name, counts[i]])) as Record<
      FacetName,
      { value: string; count: number }[]
    >;
  }

  async get(ref: string): Promise<EntityDetail> {
    const row = await this.entities.getWithLocation(ref);
    if (!row) throw catalogErrors.CATALOG_ENTITY_NOT_FOUND.create([ref]);
    const relations = await this.entities.relationsWithTitles(ref);
    const problems = await this.problems.ofEntity(ref, 200);
    const location =
      row.location_name === null
        ? undefined
        : {
            reader: row.location_reader as string,
            target: row.location_target as string,
            branch: row.location_branch,
            path: row.location_path as string,
          };
    const links = location ? sourceLinks(location, row.file, row.line) : { viewUrl: null, editUrl: null };
    const entity = JSON.parse(row.entity);
    return {
      ...toSummary(row, entity),
      entity,
      raw: row.raw,
      relations: relations.map((r) => ({
        type: r.type,
        target: r.target,
        targetTitle: r.target_ref === null ? null : (r.title ?? r.name),
        exists: r.target_ref !== null,
      })),
      problems: problems.slice(0, 200).map(toProblem),
      source: {
        location: { id: row.location_id, name: row.location_name ?? '(removed)' },
        file: row.file,
        line: row.line,
        ...links,
      },
      job: this.jobOf(row.job, location),
      updatedAt: row.updated_at,
    };
  }

  private jobOf(stored: string | null, location: Parameters<typeof sourceLinks>[0] | undefined) {
    if (!stored) return null;
    const job = JSON.parse(stored) as EntityJob;
    const links = location ? sourceLinks(location, job.file, 1) : { viewUrl: null, editUrl: null };
    // Checked when the revision was applied; a job stored before the checks bounded depth and
    // aliases may still be cyclic, which no answer can carry: the page then has no Run button.
    let spec: unknown;
    try {
      spec = parseYamlBounded(job.text);
    } catch {
      return null;
    }
    return { file: job.file, spec, ...links };
  }

  /** The neighbourhood of an entity, breadth first, up to `depth` hops, capped for readability. */
  async graph(ref: string, depth: number, maxNodes = 150) {
    if (!(await this.entities.get(ref))) throw catalogErrors.CATALOG_ENTITY_NOT_FOUND.create([ref]);
    const depthOf = new Map<string, number>([[ref, 0]]);
    const edges = new Map<string, { source: string; type: string; target: string }>();
    let frontier = [ref];
    for (let hop = 1; hop <= depth && frontier.length > 0; hop++) {
      const next: string[] = [];
      for (const relation of await this.entities.relationsFrom(frontier)) {
        if (!depthOf.has(relation.target)) {
          if (depthOf.size >= maxNodes) continue;
          depthOf.set(relation.target, hop);
          next.push(relation.target);
        }
        const edge = forward(relation);
        edges.set(`${edge.source}|${edge.type}|${edge.target}`, edge);
      }
      frontier = next;
    }
    const titles = await this.entities.titles([...depthOf.keys()]);
    const nodes = [...depthOf].map(([node, d]) => ({
      ref: node,
      kind: titles.get(node)?.kind ?? node.split(':')[0] ?? 'unknown',
      title: titles.get(node)?.title ?? node,
      exists: titles.has(node),
      depth: d,
    }));
    return { nodes, edges: [...edges.values()] };
  }

  async listProblems(filter: Omit<ProblemFilter, 'after'> & { cursor?: string }) {
    const rows = await this.problems.list({ ...filter, after: decodeCursor(filter.cursor) });
    const items = rows.slice(0, filter.limit);
    const last = items[items.length - 1];
    return {
      items: items.map(toProblem),
      nextCursor: rows.length > filter.limit && last ? encodeCursor(last.id) : null,
    };
  }
}
