import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { createKindRegistry } from '../kind-registry.js';
import { validateRevision } from '../validate-revision.js';
import { builtInKinds } from './index.js';
import { templateKind } from './template.js';
import { withoutTemplateSkeletons } from './template-skeleton.js';

const kinds = createKindRegistry([...builtInKinds, templateKind]);
const file = (path: string) => ({ path });

describe('template skeletons in a catalog location', () => {
  test('the skeleton beside a template.yaml is not read as entities; other folders are', () => {
    const files = [
      'python/template.yaml',
      'python/skeleton/catalog-info.yaml',
      'python/skeleton/.github/workflows/ci.yml',
      'python/docs/notes.yaml',
      'other/skeleton/thing.yaml',
      'template.yaml',
      'skeleton/x.yaml',
    ].map(file);
    expect(withoutTemplateSkeletons(files).map((f) => f.path)).toEqual([
      'python/template.yaml',
      'python/docs/notes.yaml',
      'other/skeleton/thing.yaml',
      'template.yaml',
    ]);
  });

  test('keeps every file that is not inside a skeleton, whatever the paths', () => {
    const segment = fc.constantFrom('a', 'b', 'skeleton', 'template.yaml', 'x.yaml');
    fc.assert(
      fc.property(
        fc.array(fc.array(segment, { minLength: 1, maxLength: 4 }).map((p) => p.join('/'))),
        (paths) => {
          const kept = withoutTemplateSkeletons(paths.map(file)).map((f) => f.path);
          const templates = paths.filter((p) => p === 'template.yaml' || p.endsWith('/template.yaml'));
          for (const p of paths) {
            const inSkeleton = templates.some((t) =>
              p.startsWith(`${t.slice(0, -'template.yaml'.length)}skeleton/`),
            );
            expect(kept.includes(p)).toBe(!inSkeleton);
          }
        },
      ),
    );
  });
});

describe('the Template kind', () => {
  const doc = (steps: string) => `apiVersion: scaffolder.backstage.io/v1beta3
kind: Template
metadata: { name: demo }
spec:
  type: project
  owner: keepers
  steps:
${steps}
---
apiVersion: backstage.io/v1alpha1
kind: Group
metadata: { name: keepers }
spec: { type: team, children: [] }
`;

  test('a valid template is an entity owned by its team', () => {
    const result = validateRevision(
      [{ path: 'demo/template.yaml', text: doc('    - { id: render, action: "template:render" }') }],
      {
        kinds,
      },
    );
    expect(result.problems).toEqual([]);
    expect(result.entities.map((e) => e.ref)).toContain('template:default/demo');
  });

  test('a step with a malformed action is refused at its line, in words', () => {
    const result = validateRevision(
      [{ path: 'demo/template.yaml', text: doc('    - { id: render, action: "render it" }') }],
      {
        kinds,
      },
    );
    expect(result.problems).toEqual([
      expect.objectContaining({
        file: 'demo/template.yaml',
        line: 8,
        message: expect.stringContaining('is not an action name'),
      }),
    ]);
  });
});
