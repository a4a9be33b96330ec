import { describe, expect, test } from 'vitest';
import { treeRows } from './file-tree.js';
import { pageProblems } from './page-problems.js';
import { splitPage } from './schema-ui.js';

const page = {
  title: 'Project',
  required: ['name'],
  properties: {
    name: { type: 'string', title: 'Name', pattern: '^[a-z]+$', 'ui:help': 'lower case letters' },
    ci: {
      type: 'string',
      enum: ['github', 'gitlab'],
      enumNames: ['GitHub Actions', 'GitLab CI'],
      'ui:widget': 'radio',
    },
    cpus: { type: 'integer', minimum: 1, maximum: 8 },
  },
};

describe('a template page in the form', () => {
  test('splits into the JSON Schema and the uiSchema the form library takes', () => {
    const { schema, uiSchema } = splitPage(page);
    expect(schema).toEqual({
      type: 'object',
      required: ['name'],
      properties: {
        name: { type: 'string', title: 'Name', pattern: '^[a-z]+$' },
        ci: { type: 'string', enum: ['github', 'gitlab'] },
        cpus: { type: 'integer', minimum: 1, maximum: 8 },
      },
    });
    expect(uiSchema).toEqual({
      name: { 'ui:help': 'lower case letters' },
      ci: { 'ui:enumNames': ['GitHub Actions', 'GitLab CI'], 'ui:widget': 'radio' },
    });
  });

  test('says what is wrong with each field in words, the pattern through its help', () => {
    expect(pageProblems(page, { name: 'Bad Name', ci: 'jenkins', cpus: 2.5 })).toEqual({
      name: 'Expected: lower case letters',
      ci: 'Choose one of: github, gitlab',
      cpus: 'Must be a whole number',
    });
    expect(pageProblems(page, { cpus: 99 })).toEqual({ name: 'Required', cpus: 'Must be at most 8' });
    expect(pageProblems(page, { name: 'ok', ci: 'github', cpus: 4 })).toEqual({});
  });
});

describe('the dry run file tree', () => {
  test('lists each folder once, before its files, indented by depth', () => {
    expect(
      treeRows(['README.md', 'src/a/x.py', 'src/a/y.py', 'src/b.py']).map(
        (r) => `${'  '.repeat(r.depth)}${r.name}${r.kind === 'folder' ? '/' : ''}`,
      ),
    ).toEqual(['README.md', 'src/', '  a/', '    x.py', '    y.py', '  b.py']);
  });
});
