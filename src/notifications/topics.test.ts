import fc from 'fast-check';
import { Value } from 'typebox/value';
import { describe, expect, test } from 'vitest';
import { NotificationsConfigSchema } from './config-schema.js';
import { groupOf, TOPIC_GROUPS, TOPIC_PATTERN, topicMatches } from './topics.js';

const word = fc.stringMatching(/^[a-z][a-z0-9-]{0,8}$/);
const topic = fc.array(word, { minLength: 1, maxLength: 4 }).map((parts) => parts.join('.'));

describe('topic patterns', () => {
  test('`*` takes every topic, an exact pattern only itself', () => {
    fc.assert(
      fc.property(topic, topic, (a, b) => {
        expect(topicMatches('*', a)).toBe(true);
        expect(topicMatches(a, b)).toBe(a === b);
      }),
    );
  });

  test('`prefix.*` takes exactly the topics below the prefix, never the prefix alone nor a longer word', () => {
    fc.assert(
      fc.property(topic, topic, word, (prefix, rest, extra) => {
        expect(topicMatches(`${prefix}.*`, `${prefix}.${rest}`)).toBe(true);
        expect(topicMatches(`${prefix}.*`, prefix)).toBe(false);
        expect(topicMatches(`${prefix}.*`, `${prefix}${extra}.${rest}`)).toBe(false);
      }),
    );
  });

  test('the API and the config accept the same patterns', () => {
    const endpoint = (pattern: string) => ({
      webhooks: {
        endpoints: [{ name: 'chat', url: 'https://x.example', topics: [pattern], secret: 's'.repeat(16) }],
      },
    });
    const candidate = fc.oneof(
      topic,
      topic.map((t) => `${t}.*`),
      fc.constant('*'),
      fc.string({ maxLength: 12 }),
      topic.map((t) => t.toUpperCase()),
    );
    fc.assert(
      fc.property(candidate, (pattern) => {
        const config = Value.Default(NotificationsConfigSchema, endpoint(pattern));
        expect(Value.Check(NotificationsConfigSchema, config)).toBe(TOPIC_PATTERN.test(pattern));
      }),
    );
  });
});

describe('topic groups', () => {
  test('every notice falls in a known group; overdue escalates whatever else it is', () => {
    const known = TOPIC_GROUPS.map((g) => g.id);
    fc.assert(
      fc.property(topic, fc.boolean(), (t, personal) => {
        expect(known).toContain(groupOf({ topic: t, personal }));
        expect(groupOf({ topic: `${t}.overdue`, personal })).toBe('escalations');
        if (!/(^|\.)(overdue|escalated)$/.test(t)) {
          expect(groupOf({ topic: t, personal: true })).toBe('personal');
        }
      }),
    );
  });

  test('defaults: everything in the portal; e-mail only for what is personal or overdue', () => {
    for (const group of TOPIC_GROUPS) {
      expect(group.defaults.inApp).toBe(true);
      expect(group.defaults.email).toBe(group.id === 'personal' || group.id === 'escalations');
    }
    expect(groupOf({ topic: 'catalog.problems' })).toBe('catalog');
    expect(groupOf({ topic: 'vault.expiry' })).toBe('vault');
    expect(groupOf({ topic: 'request.created' })).toBe('requests');
    expect(groupOf({ topic: 'radar.vote' })).toBe('radar');
  });
});
