import { type Static, Type } from 'typebox';
import type { EntityKind } from '../extension.js';
import { OWNER, PLINTH_V1ALPHA1, Ref, Text } from './common.js';

/** The rings of the technology radar, from "use it" to "stop starting with it". */
export const RINGS = ['adopt', 'trial', 'assess', 'hold'] as const;

/** One move of a technology on the radar. */
export const RingChange = Type.Object(
  {
    date: Type.String({ format: 'date', hint: 'is not a date: write it as YYYY-MM-DD, e.g. 2025-03-31' }),
    ring: Type.Enum(RINGS),
    reason: Type.Optional(Type.String()),
  },
  { additionalProperties: false },
);

/** The spec of a Technology. */
export const TechnologySpec = Type.Object({
  quadrant: Text,
  ring: Type.Enum(RINGS),
  owner: Type.Optional(Ref),
  history: Type.Optional(Type.Array(RingChange)),
  homepage: Type.Optional(
    Type.String({ pattern: '^https?://\\S+$', hint: 'is not a web address: write it as https://…' }),
  ),
});
export type TechnologySpec = Static<typeof TechnologySpec>;

/** A tool, language, method or platform, placed on the technology radar. */
export const technologyKind: EntityKind = {
  apiVersions: [PLINTH_V1ALPHA1],
  kind: 'Technology',
  description: 'A tool, language, method or platform, placed on the technology radar',
  specSchema: TechnologySpec,
  relations: (_entity, refs) => refs.field('spec.owner', 'ownedBy', OWNER),
};
