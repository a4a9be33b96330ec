import { describe, expect, it } from 'vitest';
import type { Problem, Revision } from './catalog-api.js';
import { entityCount, problemsByLocation, syncLine } from './catalog-views.js';

const revision: Revision = {
  id: 'r1',
  sha: '3f2c1ab9d0e4',
  author: null,
  message: 'add mapper',
  committedAt: null,
  appliedAt: '2025-01-31T14:05:00.000Z',
  outcome: 'applied',
  added: 3,
  changed: 1,
  removed: 0,
  problems: 2,
  error: null,
};

function problem(location: string, file: string): Problem {
  return {
    code: 'CATALOG_SCHEMA',
    severity: 'error',
    message: 'spec.owner: is missing',
    file,
    line: 7,
    column: 1,
    entityRef: null,
    entityExists: false,
    field: null,
    location: { id: location, name: location },
    editUrl: null,
  };
}

describe('syncLine', () => {
  it('says what a sync applied, with the short commit', () => {
    expect(syncLine('platform', revision)).toBe(
      'platform: applied 3f2c1ab — 3 added, 1 changed, 0 removed, 2 problems',
    );
  });

  it('leaves the commit out for a folder, which has none', () => {
    expect(syncLine('lab', { ...revision, sha: null, problems: 1 })).toBe(
      'lab: applied — 3 added, 1 changed, 0 removed, 1 problem',
    );
  });

  it('says FAILED with the error on one line', () => {
    const failed = { ...revision, outcome: 'failed' as const, error: 'git fetch failed:\nnot found' };
    expect(syncLine('team-repo', failed)).toBe('team-repo: FAILED — git fetch failed: not found');
  });
});

describe('problemsByLocation', () => {
  it('groups the lines under each location, in the order they came', () => {
    const problems = [
      problem('platform', 'a.yaml'),
      problem('team', 'b.yaml'),
      problem('platform', 'c.yaml'),
    ];
    expect(problemsByLocation(problems, (p) => p.file)).toBe(
      'platform:\n  a.yaml\n  c.yaml\n\nteam:\n  b.yaml',
    );
  });
});

describe('entityCount', () => {
  it('says how many of how many, and how to get more when there is more', () => {
    expect(entityCount(1, 1, null)).toBe('1 of 1 entity.');
    expect(entityCount(50, 120, 'abc')).toBe(
      'Showing 50 of 120 entities. Add --all for everything, or --cursor abc for the next page.',
    );
  });
});
