import type { AuthTables } from '../../auth/tables.js';
import type { CatalogTables } from '../../catalog/tables.js';
import type { ComputeTables } from '../../compute/tables.js';
import type { DocsTables } from '../../docs/tables.js';
import type { NotificationsTables } from '../../notifications/tables.js';
import type { RadarTables } from '../../radar/tables.js';
import type { RequestsTables } from '../../requests/tables.js';
import type { ScaffolderTables } from '../../scaffolder/tables.js';
import type { SearchTables } from '../../search/tables.js';
import type { ServicesTables } from '../../services/tables.js';

/** Key/value facts about this installation, e.g. that the first Keeper was created. */
export interface MetaTable {
  key: string;
  value: string;
  updated_at: string;
}

/** Every table of Plinth, one interface per domain. */
export interface Database
  extends AuthTables,
    CatalogTables,
    ComputeTables,
    ServicesTables,
    SearchTables,
    DocsTables,
    ScaffolderTables,
    RadarTables,
    NotificationsTables,
    RequestsTables {
  meta: MetaTable;
}
