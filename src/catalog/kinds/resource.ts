import { type Static, Type } from 'typebox';
import type { EntityKind } from '../extension.js';
import { ANY_KIND, BACKSTAGE_V1ALPHA1, OWNER, Ref, RefList, SYSTEM, Text } from './common.js';

/** The spec of a Resource. */
export const ResourceSpec = Type.Object({
  type: Text,
  owner: Ref,
  dependsOn: Type.Optional(RefList),
  dependencyOf: Type.Optional(RefList),
  system: Type.Optional(Ref),
});
export type ResourceSpec = Static<typeof ResourceSpec>;

/** Infrastructure a component needs: a database, a bucket, a cluster, an instrument. */
export const resourceKind: EntityKind = {
  apiVersions: [BACKSTAGE_V1ALPHA1],
  kind: 'Resource',
  description: 'Infrastructure a component needs: a database, a bucket, a cluster, an instrument',
  specSchema: ResourceSpec,
  relations: (_entity, refs) => [
    ...refs.field('spec.owner', 'ownedBy', OWNER),
    ...refs.field('spec.system', 'partOf', SYSTEM),
    ...refs.field('spec.dependsOn', 'dependsOn', ANY_KIND),
    ...refs.field('spec.dependencyOf', 'dependencyOf', ANY_KIND),
  ],
};
