import { expect, test } from 'vitest';
import { groupHits } from './group-hits.js';
import type { SearchHit } from './search-types.js';

const hit = (id: string, type: string): SearchHit => ({
  id,
  type,
  title: id,
  name: null,
  kind: null,
  owner: null,
  tags: [],
  summary: null,
  url: `/${id}`,
  snippet: '',
  exact: false,
});

test('groups keep the rank order of their best hit and each hit its overall position', () => {
  const groups = groupHits([hit('a', 'guide'), hit('b', 'entity'), hit('c', 'guide')]);
  expect(groups.map((g) => g.type)).toEqual(['guide', 'entity']);
  expect(groups[0]?.hits.map((h) => h.index)).toEqual([0, 2]);
});
