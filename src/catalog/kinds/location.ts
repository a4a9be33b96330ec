import { type Static, Type } from 'typebox';
import type { EntityKind } from '../extension.js';
import { BACKSTAGE_V1ALPHA1, Text } from './common.js';

/** The spec of a Location: where more catalog files are. */
export const LocationSpec = Type.Object({
  type: Type.Optional(Text),
  target: Type.Optional(Text),
  targets: Type.Optional(Type.Array(Text)),
  presence: Type.Optional(Type.Enum(['required', 'optional'])),
});
export type LocationSpec = Static<typeof LocationSpec>;

/** A pointer to more catalog files, as Backstage has; it states no relations. */
export const locationKind: EntityKind = {
  apiVersions: [BACKSTAGE_V1ALPHA1],
  kind: 'Location',
  description: 'A pointer to more catalog files',
  specSchema: LocationSpec,
  relations: () => [],
};
