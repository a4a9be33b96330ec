import type { Db } from '../core/db/database.js';
import type { TechnologyRecord } from './radar-model.js';

interface StoredTechnology {
  metadata?: {
    name?: string;
    title?: string;
    description?: string;
    tags?: string[];
    links?: { url: string; title?: string }[];
  };
  spec?: {
    quadrant?: string;
    ring?: string;
    homepage?: string;
    history?: { date: string; ring: string; reason?: string }[];
  };
}

/** Where a technology is written down: its location's folder or repo, and its file and line inside. */
export interface TechnologySource {
  ref: string;
  ring: string;
  quadrant: string;
  title: string;
  location: { name: string; reader: string; target: string; path: string };
  file: string;
  line: number;
}

/** Reads the catalog's Technology entities (the catalog owns them; the radar only reads). */
export class TechnologyStore {
  constructor(private readonly db: Db) {}

  private rows() {
    return this.db
      .selectFrom('catalog_entities')
      .innerJoin('catalog_locations', 'catalog_locations.id', 'catalog_entities.location_id')
      .select([
        'catalog_entities.ref',
        'catalog_entities.name',
        'catalog_entities.title',
        'catalog_entities.description',
        'catalog_entities.owner',
        'catalog_entities.entity',
        'catalog_entities.file',
        'catalog_entities.line',
        'catalog_locations.name as location',
        'catalog_locations.reader',
        'catalog_locations.target',
        'catalog_locations.path',
      ])
      .where('catalog_entities.kind', '=', 'technology');
  }

  async list(): Promise<TechnologyRecord[]> {
    const rows = await this.rows().orderBy('catalog_entities.ref').execute();
    return rows.map((row) => {
      const entity = JSON.parse(row.entity) as StoredTechnology;
      return {
        ref: row.ref,
        name: row.name,
        title: row.title,
        description: row.description,
        owner: row.owner,
        tags: entity.metadata?.tags ?? [],
        links: entity.metadata?.links ?? [],
        quadrant: entity.spec?.quadrant ?? '',
        ring: entity.spec?.ring ?? '',
        homepage: entity.spec?.homepage ?? null,
        history: entity.spec?.history ?? [],
        location: row.location,
        file: row.file,
        line: row.line,
      };
    });
  }

  /** One technology by ref (`technology:default/slurm`) or bare name (`slurm`). */
  async find(refOrName: string): Promise<TechnologySource | null> {
    const ref = refOrName.includes(':')
      ? refOrName.toLowerCase()
      : `technology:default/${refOrName.toLowerCase()}`;
    const row = await this.rows().where('catalog_entities.ref', '=', ref).executeTakeFirst();
    if (!row) return null;
    const entity = JSON.parse(row.entity) as StoredTechnology;
    return {
      ref: row.ref,
      ring: entity.spec?.ring ?? '',
      quadrant: entity.spec?.quadrant ?? '',
      title: row.title ?? row.name,
      location: { name: row.location, reader: row.reader, target: row.target, path: row.path },
      file: row.file,
      line: row.line,
    };
  }

  /** Whether any entity, of any kind, already has this name in the default namespace as a technology. */
  async exists(name: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('catalog_entities')
      .select('ref')
      .where('ref', '=', `technology:default/${name.toLowerCase()}`)
      .executeTakeFirst();
    return Boolean(row);
  }
}
