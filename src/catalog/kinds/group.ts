import { type Static, Type } from 'typebox';
import type { EntityKind } from '../extension.js';
import { BACKSTAGE_V1ALPHA1, Profile, Ref, RefList, Text } from './common.js';

/** The spec of a Group. Backstage also requires `children`; Plinth lets it be left out. */
export const GroupSpec = Type.Object({
  type: Text,
  profile: Type.Optional(Profile),
  parent: Type.Optional(Ref),
  children: Type.Optional(RefList),
  members: Type.Optional(RefList),
});
export type GroupSpec = Static<typeof GroupSpec>;

const GROUP = { defaultKind: 'Group', kinds: ['Group'] };

/** A team, a lab, a department. */
export const groupKind: EntityKind = {
  apiVersions: [BACKSTAGE_V1ALPHA1],
  kind: 'Group',
  description: 'A team, a lab, a department',
  specSchema: GroupSpec,
  relations: (_entity, refs) => [
    ...refs.field('spec.parent', 'childOf', GROUP),
    ...refs.field('spec.children', 'parentOf', GROUP),
    ...refs.field('spec.members', 'hasMember', { defaultKind: 'User', kinds: ['User'] }),
  ],
};
