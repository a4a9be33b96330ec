import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { pageProblems } from '../../web/src/templates/page-problems.js';
import { parameterPages, sampleValues, validateParameters } from './parameters.js';
import { loadTemplateFolder } from './template-source.js';

const root = join(import.meta.dirname, '../../examples/platform/templates');
const templates = await Promise.all(
  readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => loadTemplateFolder(join(root, entry.name))),
);

/** Values for a page, drawn from each field's type: often valid, often not. */
function arbitraryValues(page: Record<string, unknown>) {
  const fields = Object.entries((page.properties ?? {}) as Record<string, Record<string, unknown>>);
  return fc.record(
    Object.fromEntries(
      fields.map(([key, schema]) => {
        const examples = [
          schema.default,
          ...((schema.examples as unknown[]) ?? []),
          ...((schema.enum as unknown[]) ?? []),
        ].filter((v) => v !== undefined);
        const wild =
          schema.type === 'integer'
            ? fc.integer({ min: -5, max: 200_000_000 })
            : fc.oneof(fc.string({ maxLength: 30 }), fc.stringMatching(/^[a-z][a-z0-9-]{0,45}$/));
        return [key, examples.length ? fc.oneof(fc.constantFrom(...examples), wild) : wild];
      }),
    ),
    { requiredKeys: [] },
  );
}

describe('schema → form → validation round trip', () => {
  for (const template of templates) {
    test(`${template.name}: the portal's form and the server agree on every page, field by field`, () => {
      for (const page of parameterPages(template.spec)) {
        fc.assert(
          fc.property(arbitraryValues(page), (values) => {
            const inForm = Object.keys(pageProblems(page, structuredClone(values))).sort();
            const onServer = [
              ...new Set(validateParameters([page], values).problems.map((p) => p.field)),
            ].sort();
            expect(inForm).toEqual(onServer);
          }),
          { numRuns: 200 },
        );
      }
    });
  }

  test('the sample values of each built-in template are valid, and defaults are filled in', () => {
    for (const template of templates) {
      const pages = parameterPages(template.spec);
      const { values, problems } = validateParameters(pages, sampleValues(pages));
      expect(problems, template.name).toEqual([]);
      expect(Object.keys(values).length).toBeGreaterThan(3);
    }
  });

  test('each problem names its field and says what is expected', () => {
    const pages = parameterPages(templates.find((t) => t.name === 'python-research-project')?.spec ?? {});
    const { problems } = validateParameters(pages, { name: 'Bad Name', ci: 'jenkins' });
    expect(problems).toEqual(
      expect.arrayContaining([
        {
          field: 'name',
          message:
            'does not match the expected form: 3 to 40 characters, lower case letters, digits and dashes, e.g. ocean-drift',
        },
        { field: 'title', message: 'is required' },
        { field: 'ci', message: 'must be one of github, gitlab' },
      ]),
    );
  });
});
