import { expect, test } from 'vitest';
import { breadcrumbsOf, buildNav } from './nav.js';

const page = (slug: string, title: string, nav_order: number | null = null, type = 'doc') => ({
  slug,
  title,
  type,
  nav_order,
});

test('folders nest their pages; order comes first, then the title', () => {
  const nav = buildNav('platform', [
    page('', 'Handbook'),
    page('guides', 'Guides', 1),
    page('guides/b', 'B guide', 2, 'guide'),
    page('guides/a', 'A guide', 1, 'guide'),
    page('practices/secrets', 'Secrets'),
    page('faq', 'FAQ', 0),
  ]);
  expect(nav.map((i) => `${i.depth} ${i.title} ${i.url ?? '-'}`)).toEqual([
    '0 Handbook /docs/platform',
    '0 FAQ /docs/platform/faq',
    '0 Guides /docs/platform/guides',
    '1 A guide /docs/platform/guides/a',
    '1 B guide /docs/platform/guides/b',
    '0 Practices -',
    '1 Secrets /docs/platform/practices/secrets',
  ]);
});

test('breadcrumbs name each folder, linking those that have a page', () => {
  expect(
    breadcrumbsOf({ key: 'platform', title: 'Platform docs' }, 'guides/deep/x', [page('guides', 'Guides')]),
  ).toEqual([
    { title: 'Platform docs', url: '/docs/platform' },
    { title: 'Guides', url: '/docs/platform/guides' },
    { title: 'Deep', url: null },
  ]);
});
