import type { Compilable, CompiledQuery } from 'kysely';
import type { Db } from './database.js';

/**
 * A query built and compiled once per database (SQLite and PostgreSQL write parameters
 * differently), then run with new parameters: an entity page runs the same few lookups for every
 * entity, and building them anew cost more than running them. `build` receives placeholder values
 * and must use each once, in order, as the query's only parameters.
 * @example const byRef = compiledOnce((db, ref: string) => db.selectFrom('t').selectAll().where('ref', '=', ref), ['']);
 */
export function compiledOnce<Row, P extends unknown[]>(
  build: (db: Db, ...params: P) => Compilable<Row>,
  placeholders: P,
): (db: Db, ...params: P) => Promise<Row[]> {
  const compiled = new WeakMap<Db, CompiledQuery<Row>>();
  return async (db, ...params) => {
    let query = compiled.get(db);
    if (!query) {
      query = build(db, ...placeholders).compile();
      compiled.set(db, query);
    }
    const result = await db.executeQuery<Row>({ ...query, parameters: params });
    return result.rows;
  };
}
