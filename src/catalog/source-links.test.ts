import { describe, expect, test } from 'vitest';
import { sourceLinks, webBaseOf } from './source-links.js';

describe('links to the source of an entity', () => {
  test('GitHub over https and ssh', () => {
    for (const target of [
      'https://github.com/meridian/platform.git',
      'git@github.com:meridian/platform.git',
    ]) {
      expect(
        sourceLinks({ reader: 'git', target, branch: 'main', path: 'catalog' }, 'teams.yaml', 12),
      ).toEqual({
        viewUrl: 'https://github.com/meridian/platform/blob/main/catalog/teams.yaml#L12',
        editUrl: 'https://github.com/meridian/platform/edit/main/catalog/teams.yaml',
      });
    }
  });

  test('GitLab, without the credentials of the URL', () => {
    const links = sourceLinks(
      {
        reader: 'git',
        target: 'https://bot:secret@gitlab.example.org/keepers/platform.git',
        branch: null,
        path: '',
      },
      'catalog/a b.yaml',
      3,
    );
    expect(links.editUrl).toBe('https://gitlab.example.org/keepers/platform/-/edit/HEAD/catalog/a%20b.yaml');
    expect(links.viewUrl).not.toContain('secret');
  });

  test('folders and unknown hosts get no links', () => {
    expect(
      sourceLinks({ reader: 'folder', target: '/srv/platform', branch: null, path: '' }, 'x.yaml', 1).editUrl,
    ).toBeNull();
    expect(
      sourceLinks({ reader: 'git', target: 'file:///srv/repo', branch: null, path: '' }, 'x.yaml', 1).editUrl,
    ).toBeNull();
    expect(webBaseOf('not a url')).toBeNull();
  });
});
