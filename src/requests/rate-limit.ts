import type { FastifyRequest } from 'fastify';

/** A route rate limit counted per signed-in user (per address for the anonymous, who are refused anyway). */
export function perUserLimit(max: number, bucket: string) {
  return {
    max,
    timeWindow: 60_000,
    keyGenerator: (request: FastifyRequest) => `${bucket}:${request.principal?.user.id ?? request.ip}`,
  };
}
