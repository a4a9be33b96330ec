import { isIP } from 'node:net';
import { Type } from 'typebox';

/** Names that Fastify's proxy-addr expands into address ranges. */
export const PROXY_RANGE_NAMES = ['loopback', 'linklocal', 'uniquelocal'] as const;

/** The `trustProxy` setting: off, the one proxy in front, or the proxies' addresses and ranges. */
export const TrustProxySchema = Type.Union(
  [Type.Boolean(), Type.Array(Type.String({ minLength: 1, maxLength: 100 }), { minItems: 1 })],
  {
    default: false,
    description:
      'Which reverse proxies may tell the client address (X-Forwarded-For): false = none; ' +
      'true = the one directly in front; or a list of their addresses and CIDR ranges ' +
      '(comma-separated or JSON in the environment variable)',
  },
);

export type TrustProxy = boolean | string[];

/** Fastify's `trustProxy` option: a list it compiles itself, or a function of (address, hop). */
export type FastifyTrustProxy = boolean | string[] | ((address: string, hop: number) => boolean);

const SHAPES = `an IP address, a CIDR range (10.0.0.0/8, fd00::/8) or one of ${PROXY_RANGE_NAMES.join(', ')}`;

/**
 * Why one entry of a trusted-proxy list is not usable, or null when it is. Accepts a subset of what
 * Fastify (proxy-addr) accepts, so that a list that passes here never stops the server at start.
 */
export function proxyEntryProblem(entry: string): string | null {
  if ((PROXY_RANGE_NAMES as readonly string[]).includes(entry)) return null;
  const slash = entry.lastIndexOf('/');
  const address = slash === -1 ? entry : entry.slice(0, slash);
  const version = isIP(address);
  if (version === 0) return `'${entry}' is not ${SHAPES}`;
  if (address.includes('%')) return `'${entry}': leave out the zone (%…); write the address alone`;
  if (slash === -1) return null;
  const prefix = entry.slice(slash + 1);
  const max = version === 4 ? 32 : 128;
  // proxy-addr refuses /0: trusting every address would let any client choose its own.
  if (!/^\d{1,3}$/.test(prefix) || Number(prefix) < 1 || Number(prefix) > max) {
    return `'${entry}': the prefix length after / must be a number from 1 to ${max}`;
  }
  return null;
}

/** Every unusable entry of the setting, as `[index, reason]`; empty for booleans. */
export function trustProxyProblems(value: TrustProxy): [number, string][] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((entry, index): [number, string][] => {
    const problem = proxyEntryProblem(entry);
    return problem ? [[index, problem]] : [];
  });
}

/**
 * The setting as Fastify takes it. `true` trusts the immediate peer only (one hop): the client
 * address is the last one that proxy added to X-Forwarded-For, so addresses a client forges in
 * front of it are ignored. Fastify's own `true` would trust every hop, the forged ones included,
 * and it refuses a hop count, hence the function.
 */
export function fastifyTrustProxy(value: TrustProxy): FastifyTrustProxy {
  if (value === true) return (_address, hop) => hop === 0;
  return value;
}
