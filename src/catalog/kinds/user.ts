import { type Static, Type } from 'typebox';
import type { EntityKind } from '../extension.js';
import { BACKSTAGE_V1ALPHA1, Profile, RefList } from './common.js';

/** The spec of a User. Backstage also requires `memberOf`; Plinth lets it be left out. */
export const UserSpec = Type.Object({
  profile: Type.Optional(Profile),
  memberOf: Type.Optional(RefList),
});
export type UserSpec = Static<typeof UserSpec>;

/** A person. */
export const userKind: EntityKind = {
  apiVersions: [BACKSTAGE_V1ALPHA1],
  kind: 'User',
  description: 'A person',
  specSchema: UserSpec,
  relations: (_entity, refs) =>
    refs.field('spec.memberOf', 'memberOf', { defaultKind: 'Group', kinds: ['Group'] }),
};
