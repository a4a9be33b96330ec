import { type Static, Type } from 'typebox';
import type { EntityKind } from '../extension.js';
import { BACKSTAGE_V1ALPHA1, OWNER, Ref, Text } from './common.js';

/** The spec of a System. */
export const SystemSpec = Type.Object({
  owner: Ref,
  domain: Type.Optional(Ref),
  type: Type.Optional(Text),
});
export type SystemSpec = Static<typeof SystemSpec>;

/** A set of components, APIs, resources and datasets that work together. */
export const systemKind: EntityKind = {
  apiVersions: [BACKSTAGE_V1ALPHA1],
  kind: 'System',
  description: 'A set of components, APIs, resources and datasets that work together',
  specSchema: SystemSpec,
  relations: (_entity, refs) => [
    ...refs.field('spec.owner', 'ownedBy', OWNER),
    ...refs.field('spec.domain', 'partOf', { defaultKind: 'Domain', kinds: ['Domain'] }),
  ],
};
