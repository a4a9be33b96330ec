import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { entityRefOf, formatEntityRef, isValidEntityName, isValidNamespace, parseEntityRef } from './refs.js';

describe('parseEntityRef', () => {
  test('reads a full ref as written', () => {
    expect(parseEntityRef('Component:Research/Pi-Sim')).toEqual({
      ok: true,
      ref: { kind: 'Component', namespace: 'Research', name: 'Pi-Sim' },
    });
  });

  test('fills in the default kind and the default namespace', () => {
    expect(parseEntityRef('team-a', { defaultKind: 'Group' })).toEqual({
      ok: true,
      ref: { kind: 'Group', namespace: 'default', name: 'team-a' },
    });
    expect(parseEntityRef('lab/team-a', { defaultKind: 'Group' })).toMatchObject({
      ref: { namespace: 'lab', name: 'team-a' },
    });
    expect(parseEntityRef('user:ada', { defaultKind: 'Group', defaultNamespace: 'lab' })).toMatchObject({
      ref: { kind: 'user', namespace: 'lab', name: 'ada' },
    });
  });

  test('asks for a kind when the field implies none', () => {
    expect(parseEntityRef('db')).toEqual({
      ok: false,
      error: "'db' does not say which kind of entity it is: write it as kind:name, e.g. 'resource:db'",
    });
  });

  test('explains what is wrong with a malformed ref', () => {
    expect(parseEntityRef('a:b:c', { defaultKind: 'Group' })).toMatchObject({
      ok: false,
      error: expect.stringContaining("one ':'"),
    });
    expect(parseEntityRef('default/group:x')).toMatchObject({ ok: false });
    expect(parseEntityRef('Team X', { defaultKind: 'Group' })).toEqual({
      ok: false,
      error: "'Team X' has an invalid name 'Team X': use letters, digits, -, _ and . (at most 63 characters)",
    });
    expect(parseEntityRef('9:x')).toMatchObject({
      ok: false,
      error: expect.stringContaining('invalid kind'),
    });
    expect(parseEntityRef('group:a_b/x')).toMatchObject({
      ok: false,
      error: expect.stringContaining('invalid namespace'),
    });
    expect(parseEntityRef('')).toMatchObject({ ok: false });
    expect(parseEntityRef(42)).toEqual({
      ok: false,
      error: 'the number 42 is not a reference: write kind:namespace/name',
    });
  });
});

describe('names and namespaces', () => {
  test('follow Backstage: separators between letters and digits, 63 characters at most', () => {
    for (const good of ['a', 'pi-sim', 'pi_sim.v2', 'A1', 'x'.repeat(63)])
      expect(isValidEntityName(good)).toBe(true);
    for (const bad of ['', '-a', 'a-', 'a--b', 'a b', 'a/b', 'x'.repeat(64)])
      expect(isValidEntityName(bad)).toBe(false);
    for (const good of ['default', 'lab-1', 'a--b']) expect(isValidNamespace(good)).toBe(true);
    for (const bad of ['a_b', 'a.b', '-a', 'x'.repeat(64)]) expect(isValidNamespace(bad)).toBe(false);
  });

  test('the canonical ref is all lower-case', () => {
    expect(formatEntityRef({ kind: 'Component', namespace: 'Lab', name: 'Pi-Sim' })).toBe(
      'component:lab/pi-sim',
    );
    expect(entityRefOf('Group', undefined, 'Optics')).toBe('group:default/optics');
  });
});

const word = (separators: string) =>
  fc
    .tuple(
      fc.stringMatching(/^[a-zA-Z0-9]{1,8}$/),
      fc.array(fc.tuple(fc.constantFrom(...separators), fc.stringMatching(/^[a-zA-Z0-9]{1,8}$/)), {
        maxLength: 4,
      }),
    )
    .map(([head, rest]) => head + rest.map(([s, w]) => s + w).join(''))
    .filter((w) => w.length <= 63);
const parts = fc.record({
  kind: fc.stringMatching(/^[a-zA-Z][a-zA-Z0-9]{0,10}$/),
  namespace: word('-'),
  name: word('-_.'),
});

describe('properties', () => {
  test('a formatted ref parses back to its parts, in lower case', () => {
    fc.assert(
      fc.property(parts, (ref) => {
        const lower = {
          kind: ref.kind.toLowerCase(),
          namespace: ref.namespace.toLowerCase(),
          name: ref.name.toLowerCase(),
        };
        expect(parseEntityRef(formatEntityRef(ref))).toEqual({ ok: true, ref: lower });
        expect(formatEntityRef(lower)).toBe(formatEntityRef(ref));
      }),
    );
  });

  test('never throws: any value gives a ref or a sentence', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.anything()),
        fc.option(fc.string(), { nil: undefined }),
        (value, kind) => {
          const result = parseEntityRef(value, { defaultKind: kind });
          if (result.ok)
            expect(formatEntityRef(result.ref)).toMatch(/^[a-z][a-z0-9]*:[a-z0-9-]+\/[a-z0-9._-]+$/);
          else expect(result.error.length).toBeGreaterThan(10);
        },
      ),
    );
  });
});
