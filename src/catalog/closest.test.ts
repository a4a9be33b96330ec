import { describe, expect, test } from 'vitest';
import { closest } from './closest.js';
import { withArticle } from './words.js';

describe('closest', () => {
  test('suggests a likely typo, ignoring case', () => {
    expect(closest('Compnent', ['API', 'Component', 'Group'])).toBe('Component');
    expect(closest('group', ['Group', 'User'])).toBe('Group');
    expect(closest('ownr', ['owner', 'type'])).toBe('owner');
  });

  test('says nothing rather than guess wildly', () => {
    expect(closest('Spaceship', ['API', 'Component', 'Group'])).toBeUndefined();
    expect(closest('', ['a'])).toBeUndefined();
  });
});

describe('withArticle', () => {
  test('reads naturally for the kinds', () => {
    expect(['API', 'Component', 'User', 'Entity'].map(withArticle)).toEqual([
      'an API',
      'a Component',
      'a User',
      'an Entity',
    ]);
  });
});
