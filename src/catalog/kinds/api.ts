import { type Static, Type } from 'typebox';
import type { EntityKind } from '../extension.js';
import { BACKSTAGE_V1ALPHA1, LIFECYCLES, OWNER, Ref, SYSTEM, Text } from './common.js';

// Backstage files often point at the definition (`$text: ./openapi.yaml`) instead of inlining it.
const Placeholder = (key: string) => Type.Object({ [key]: Text }, { additionalProperties: false });

/** The spec of an API: its type (openapi, asyncapi, graphql, grpc…) and its definition. */
export const ApiSpec = Type.Object({
  type: Text,
  lifecycle: Text,
  owner: Ref,
  definition: Type.Union([Text, Placeholder('$text'), Placeholder('$json'), Placeholder('$yaml')], {
    hint: 'is not an API definition: write the definition as text, or refer to a file with $text, $json or $yaml',
  }),
  system: Type.Optional(Ref),
});
export type ApiSpec = Static<typeof ApiSpec>;

/** An interface that components provide or consume. */
export const apiKind: EntityKind = {
  apiVersions: [BACKSTAGE_V1ALPHA1],
  kind: 'API',
  description: 'An interface that components provide or consume: OpenAPI, AsyncAPI, GraphQL, gRPC…',
  specSchema: ApiSpec,
  recommendedValues: { 'spec.lifecycle': LIFECYCLES },
  relations: (_entity, refs) => [
    ...refs.field('spec.owner', 'ownedBy', OWNER),
    ...refs.field('spec.system', 'partOf', SYSTEM),
  ],
};
