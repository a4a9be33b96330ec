import { Type } from 'typebox';
import type { RefTarget } from '../extension.js';

/** The apiVersion of Backstage's own kinds. */
export const BACKSTAGE_V1ALPHA1 = 'backstage.io/v1alpha1';
/** The apiVersion of the kinds Plinth adds for research teams. */
export const PLINTH_V1ALPHA1 = 'plinth.dev/v1alpha1';

/** The lifecycles Backstage knows; others are accepted with a warning. */
export const LIFECYCLES = ['experimental', 'production', 'deprecated'] as const;

/** A required piece of text. */
export const Text = Type.String({ minLength: 1 });

/** A reference to another entity; its form is checked by the relation rules, which say more. */
export const Ref = Type.String({ minLength: 1 });

/** A list of references. */
export const RefList = Type.Array(Ref);

/** Who owns an entity: a Group unless the ref says `user:`. */
export const OWNER: RefTarget = { defaultKind: 'Group', kinds: ['Group', 'User'] };
/** The System an entity belongs to. */
export const SYSTEM: RefTarget = { defaultKind: 'System', kinds: ['System'] };
/** An API provided or consumed. */
export const API: RefTarget = { defaultKind: 'API', kinds: ['API'] };
/** What something depends on: any kind, named in full (`resource:db`), as in Backstage. */
export const ANY_KIND: RefTarget = {};

/** A person's or a team's profile. */
export const Profile = Type.Object({
  displayName: Type.Optional(Type.String()),
  email: Type.Optional(Type.String()),
  picture: Type.Optional(Type.String()),
});
