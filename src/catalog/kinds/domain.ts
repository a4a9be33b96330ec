import { type Static, Type } from 'typebox';
import type { EntityKind } from '../extension.js';
import { BACKSTAGE_V1ALPHA1, OWNER, Ref, Text } from './common.js';

/** The spec of a Domain. */
export const DomainSpec = Type.Object({
  owner: Ref,
  subdomainOf: Type.Optional(Ref),
  type: Type.Optional(Text),
});
export type DomainSpec = Static<typeof DomainSpec>;

/** A research area or business domain that groups systems. */
export const domainKind: EntityKind = {
  apiVersions: [BACKSTAGE_V1ALPHA1],
  kind: 'Domain',
  description: 'A research area or business domain that groups systems',
  specSchema: DomainSpec,
  relations: (_entity, refs) => [
    ...refs.field('spec.owner', 'ownedBy', OWNER),
    ...refs.field('spec.subdomainOf', 'partOf', { defaultKind: 'Domain', kinds: ['Domain'] }),
  ],
};
