import type { AuthTables } from '../../auth/tables.js';
import type { CatalogTables } from '../../catalog/tables.js';
import type { ComputeTables } from '../../compute/tables.js';

/** Key/value facts about this installation, e.g. that the first Keeper was created. */
export interface MetaTable {
  key: string;
  value: string;
  updated_at: string;
}

/** Every table of Plinth, one interface per domain. */
export interface Database extends AuthTables, CatalogTables, ComputeTables {
  meta: MetaTable;
}
