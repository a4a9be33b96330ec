import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { entityPath, parseEntityRef } from './catalog-api.js';
import { CliError } from './cli-error.js';

describe('parseEntityRef', () => {
  it('reads kind:namespace/name, and kind:name as the default namespace', () => {
    expect(parseEntityRef('component:lab/climate-kit')).toEqual({
      kind: 'component',
      namespace: 'lab',
      name: 'climate-kit',
    });
    expect(parseEntityRef('group:climate')).toEqual({ kind: 'group', namespace: 'default', name: 'climate' });
  });

  it('refuses a ref without a kind as a usage error that shows the form', () => {
    for (const ref of ['climate-kit', 'default/climate-kit', ':x', 'component:', 'a:b/c/d', 'a:b c']) {
      const error = (() => {
        try {
          parseEntityRef(ref);
        } catch (caught) {
          return caught;
        }
      })();
      expect(error, ref).toBeInstanceOf(CliError);
      expect((error as CliError).code).toBe('CLI_USAGE');
      expect((error as CliError).message).toContain('kind:name');
    }
  });

  it('gives back the parts it was built from', () => {
    const part = fc.stringMatching(/^[a-zA-Z0-9._-]{1,20}$/);
    fc.assert(
      fc.property(part, part, part, (kind, namespace, name) => {
        expect(parseEntityRef(`${kind}:${namespace}/${name}`)).toEqual({ kind, namespace, name });
      }),
    );
  });
});

describe('entityPath', () => {
  it('puts each part in its own path segment, encoded', () => {
    expect(entityPath({ kind: 'api', namespace: 'default', name: 'a%b' })).toBe(
      '/api/catalog/entities/api/default/a%25b',
    );
  });
});
