import { Type } from 'typebox';
import { describe, expect, test } from 'vitest';
import { ExtensionRegistry } from '../core/extension.js';
import { catalogKindPoint, type EntityKind, kindAdapter } from './extension.js';
import { createKindRegistry, kindRegistryFrom } from './kind-registry.js';
import { builtInKindAdapters, builtInKinds } from './kinds/index.js';
import { validateRevision } from './validate-revision.js';

// A kind from outside the catalog core, as the templates feature adds Template.
const templateKind: EntityKind = {
  apiVersions: ['scaffolder.backstage.io/v1beta3'],
  kind: 'Template',
  description: 'A project template',
  specSchema: Type.Object({ owner: Type.String({ minLength: 1 }), type: Type.String({ minLength: 1 }) }),
  relations: (_entity, refs) =>
    refs.field('spec.owner', 'ownedBy', { defaultKind: 'Group', kinds: ['Group'] }),
};

describe('catalog kinds as adapters', () => {
  test('the built-in kinds register under catalog.kind, named after the kind', async () => {
    const registry = new ExtensionRegistry();
    for (const entry of builtInKindAdapters) registry.register(entry);
    registry.register(kindAdapter(templateKind));
    const names = registry.list(catalogKindPoint).map((a) => a.name);
    expect(names).toEqual([
      'api',
      'component',
      'dataset',
      'domain',
      'group',
      'location',
      'resource',
      'system',
      'technology',
      'user',
      'template',
    ]);
    const built = await registry
      .get(catalogKindPoint, 'template')
      .create({ config: {}, logger: undefined as never });
    expect(built).toBe(templateKind);
    const kinds = await kindRegistryFrom(registry, { config: {}, logger: undefined as never });
    expect(kinds.names()).toContain('Template');
  });

  test('a new kind is validated and related without any change to the core', () => {
    const kinds = createKindRegistry([...builtInKinds, templateKind]);
    const text = `apiVersion: backstage.io/v1alpha1
kind: Group
metadata:
  name: optics
spec:
  type: team
---
apiVersion: scaffolder.backstage.io/v1beta3
kind: Template
metadata:
  name: python-lib
spec:
  type: library
  owner: optics
`;
    const { entities, relations, problems } = validateRevision([{ path: 't.yaml', text }], { kinds });
    expect(problems).toEqual([]);
    expect(entities).toHaveLength(2);
    expect(relations).toContainEqual({
      source: 'group:default/optics',
      type: 'ownerOf',
      target: 'template:default/python-lib',
    });
  });

  test('two kinds with the same name are refused loudly', () => {
    expect(() => createKindRegistry([...builtInKinds, { ...templateKind, kind: 'component' }])).toThrow(
      "The catalog kind 'component' is registered twice; check the registrations",
    );
  });
});
