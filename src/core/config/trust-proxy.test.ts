import { tmpdir } from 'node:os';
import fc from 'fast-check';
import Fastify from 'fastify';
import { describe, expect, test } from 'vitest';
import { ConfigError, loadConfig } from './index.js';
import { fastifyTrustProxy, proxyEntryProblem, type TrustProxy } from './trust-proxy.js';

const fromEnv = (value: string) => loadConfig({ env: { PLINTH_TRUST_PROXY: value }, cwd: tmpdir() });

const problemsOf = (value: string): string[] => {
  try {
    fromEnv(value);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
};

/** The client address Fastify computes for a request from `peer` carrying `forwarded`. */
async function clientAddress(trust: TrustProxy, peer: string, forwarded?: string): Promise<string> {
  const app = Fastify({ trustProxy: fastifyTrustProxy(trust) });
  app.get('/', async (request) => ({ ip: request.ip }));
  const headers = forwarded === undefined ? {} : { 'x-forwarded-for': forwarded };
  const response = await app.inject({ url: '/', remoteAddress: peer, headers });
  await app.close();
  return response.json().ip;
}

const cidr = fc.oneof(
  fc.tuple(fc.ipV4(), fc.integer({ min: 1, max: 32 })).map(([ip, bits]) => `${ip}/${bits}`),
  fc.tuple(fc.ipV6(), fc.integer({ min: 1, max: 128 })).map(([ip, bits]) => `${ip}/${bits}`),
);
const entry = fc.oneof(fc.ipV4(), fc.ipV6(), cidr, fc.constantFrom('loopback', 'linklocal', 'uniquelocal'));

describe('trustProxy setting', () => {
  test('the environment takes true, false, a comma-separated list or a JSON list', () => {
    expect(fromEnv('true').config.trustProxy).toBe(true);
    expect(fromEnv('false').config.trustProxy).toBe(false);
    expect(fromEnv('10.0.0.0/8, 192.168.1.5').config.trustProxy).toEqual(['10.0.0.0/8', '192.168.1.5']);
    expect(fromEnv('["fd00::/8","::1"]').config.trustProxy).toEqual(['fd00::/8', '::1']);
    expect(fromEnv('loopback').config.trustProxy).toEqual(['loopback']);
    expect(loadConfig({ env: {}, cwd: tmpdir() }).config.trustProxy).toBe(false);
  });

  test('a bad entry is refused at start, naming the entry and the variable', () => {
    expect(problemsOf('10.0.0.0/8,10.0.0.0/33')).toEqual([
      "trustProxy.1: '10.0.0.0/33': the prefix length after / must be a number from 1 to 32 (from PLINTH_TRUST_PROXY)",
    ]);
    expect(problemsOf('proxy.example.org')[0]).toMatch(
      /^trustProxy\.0: 'proxy\.example\.org' is not an IP address, a CIDR range .* \(from PLINTH_TRUST_PROXY\)$/,
    );
    expect(problemsOf('::/0')[0]).toContain('from 1 to 128');
    expect(problemsOf(',')).toEqual([
      expect.stringMatching(/^trustProxy: is none of the accepted forms .* \(from PLINTH_TRUST_PROXY\)$/),
    ]);
  });

  test('property: addresses and CIDR ranges of both families are accepted, and Fastify takes them', () => {
    fc.assert(
      fc.property(fc.array(entry, { minLength: 1, maxLength: 5 }), (list) => {
        expect(list.map(proxyEntryProblem)).toEqual(list.map(() => null));
        expect(() => Fastify({ trustProxy: fastifyTrustProxy(list) })).not.toThrow();
      }),
      { numRuns: 200 },
    );
  });

  test('property: whatever text passes the check, Fastify accepts at start', () => {
    const text = fc.oneof(
      fc.string({ maxLength: 40 }),
      fc.tuple(entry, fc.string({ maxLength: 4 })).map(([a, b]) => a + b),
      fc.tuple(fc.oneof(fc.ipV4(), fc.ipV6()), fc.string({ maxLength: 5 })).map(([a, b]) => `${a}/${b}`),
    );
    fc.assert(
      fc.property(text, (value) => {
        if (proxyEntryProblem(value) === null) {
          expect(() => Fastify({ trustProxy: [value] })).not.toThrow();
        } else {
          expect(proxyEntryProblem(value)).toContain(value);
        }
      }),
      { numRuns: 500 },
    );
  });

  test('property: any environment text either loads or names PLINTH_TRUST_PROXY', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 40 }),
          fc.array(entry).map((l) => l.join(',')),
        ),
        (value) => {
          for (const problem of problemsOf(value)) expect(problem).toMatch(/\(from PLINTH_TRUST_PROXY\)$/);
        },
      ),
      { numRuns: 300 },
    );
  });

  test('true trusts only the peer: the client is the last address that proxy added', async () => {
    expect(await clientAddress(true, '10.0.0.2', '6.6.6.6, 203.0.113.9')).toBe('203.0.113.9');
    expect(await clientAddress(true, '10.0.0.2')).toBe('10.0.0.2');
  });

  test('a list trusts only its addresses: a forged header from any other peer is ignored', async () => {
    expect(await clientAddress(['10.0.0.0/8'], '192.0.2.1', '203.0.113.9')).toBe('192.0.2.1');
    expect(await clientAddress(['10.0.0.0/8'], '10.1.2.3', '6.6.6.6, 203.0.113.9')).toBe('203.0.113.9');
    expect(await clientAddress(['10.0.0.0/8', '203.0.113.0/24'], '10.1.2.3', '6.6.6.6, 203.0.113.9')).toBe(
      '6.6.6.6',
    );
    expect(await clientAddress(['fd00::/8'], 'fd00::1', '2001:db8::7')).toBe('2001:db8::7');
    expect(await clientAddress(false, '10.1.2.3', '203.0.113.9')).toBe('10.1.2.3');
  });

  test('property: with true, addresses forged in front of the last hop never become the client', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.ipV4(), { maxLength: 4 }), fc.ipV4(), async (forged, added) => {
        const header = [...forged, added].join(', ');
        expect(await clientAddress(true, '10.0.0.2', header)).toBe(added);
      }),
      { numRuns: 50 },
    );
  });
});
