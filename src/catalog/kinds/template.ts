import { type Static, Type } from 'typebox';
import type { EntityKind } from '../extension.js';
import { OWNER, Ref, Text } from './common.js';

/** The apiVersion of templates, as Backstage's scaffolder writes it. */
export const SCAFFOLDER_V1BETA3 = 'scaffolder.backstage.io/v1beta3';

/** One page of the form: a JSON Schema object (title, properties, required, `ui:` hints). */
const ParameterPage = Type.Object({}, { additionalProperties: true });

/** One step: an action and its input, whose strings may use Liquid (`{{ parameters.name }}`). */
export const TemplateStep = Type.Object({
  id: Type.String({
    pattern: '^[a-z][a-zA-Z0-9_-]*$',
    hint: 'is not a step id: start with a letter, then letters, digits, - or _ (render)',
  }),
  name: Type.Optional(Text),
  action: Type.String({
    pattern: '^[a-z][a-z0-9-]*:[a-z][a-z0-9-]*$',
    hint: 'is not an action name: write it as area:verb, e.g. fs:rename',
  }),
  input: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
  if: Type.Optional(Type.Union([Type.Boolean(), Type.String()])),
});
export type TemplateStep = Static<typeof TemplateStep>;

/** A policy check the rendered output must pass; `blocking: false` only warns. */
export const TemplateCheck = Type.Object({
  name: Type.String({ pattern: '^[a-z][a-z0-9-]*$' }),
  blocking: Type.Optional(Type.Boolean()),
  with: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
});
export type TemplateCheck = Static<typeof TemplateCheck>;

/** The spec of a Template, compatible in spirit with Backstage's scaffolder v1beta3. */
export const TemplateSpec = Type.Object({
  type: Text,
  owner: Ref,
  parameters: Type.Optional(Type.Union([ParameterPage, Type.Array(ParameterPage)])),
  steps: Type.Array(TemplateStep, { minItems: 1 }),
  output: Type.Optional(
    Type.Object({
      links: Type.Optional(
        Type.Array(
          Type.Object({
            title: Type.Optional(Type.String()),
            url: Type.Optional(Type.String()),
            icon: Type.Optional(Type.String()),
            entityRef: Type.Optional(Type.String()),
          }),
        ),
      ),
      text: Type.Optional(Type.Array(Type.Object({ title: Type.String(), content: Type.String() }))),
    }),
  ),
  checks: Type.Optional(Type.Array(TemplateCheck)),
});
export type TemplateSpec = Static<typeof TemplateSpec>;

/** A template that creates a project or cloud resources: a folder with template.yaml and skeleton/. */
export const templateKind: EntityKind = {
  apiVersions: [SCAFFOLDER_V1BETA3],
  kind: 'Template',
  description: 'A template that creates a project or cloud resources from a form',
  specSchema: TemplateSpec,
  relations: (_entity, refs) => refs.field('spec.owner', 'ownedBy', OWNER),
};
