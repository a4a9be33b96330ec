import { type Static, Type } from 'typebox';
import type { EntityKind } from '../extension.js';
import {
  ANY_KIND,
  API,
  BACKSTAGE_V1ALPHA1,
  LIFECYCLES,
  OWNER,
  Ref,
  RefList,
  SYSTEM,
  Text,
} from './common.js';

/** The spec of a Component, as Backstage defines it. */
export const ComponentSpec = Type.Object({
  type: Text,
  lifecycle: Text,
  owner: Ref,
  system: Type.Optional(Ref),
  subcomponentOf: Type.Optional(Ref),
  providesApis: Type.Optional(RefList),
  consumesApis: Type.Optional(RefList),
  dependsOn: Type.Optional(RefList),
  dependencyOf: Type.Optional(RefList),
});
export type ComponentSpec = Static<typeof ComponentSpec>;

/** A piece of software: a service, a library, a website, a simulation code. */
export const componentKind: EntityKind = {
  apiVersions: [BACKSTAGE_V1ALPHA1],
  kind: 'Component',
  description: 'A piece of software: a service, a library, a website, a simulation code',
  specSchema: ComponentSpec,
  recommendedValues: { 'spec.lifecycle': LIFECYCLES },
  relations: (_entity, refs) => [
    ...refs.field('spec.owner', 'ownedBy', OWNER),
    ...refs.field('spec.system', 'partOf', SYSTEM),
    ...refs.field('spec.subcomponentOf', 'partOf', { defaultKind: 'Component', kinds: ['Component'] }),
    ...refs.field('spec.providesApis', 'providesApi', API),
    ...refs.field('spec.consumesApis', 'consumesApi', API),
    ...refs.field('spec.dependsOn', 'dependsOn', ANY_KIND),
    ...refs.field('spec.dependencyOf', 'dependencyOf', ANY_KIND),
  ],
};
