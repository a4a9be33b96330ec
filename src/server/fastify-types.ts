import type { Permission } from '../auth/policy.js';
import type { Principal } from '../auth/principal.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** Who is calling; null for an anonymous request. Set by the authentication hook. */
    principal: Principal | null;
  }
  interface FastifyContextConfig {
    /** The policy permission this route requires (see auth/policy.ts). Mandatory on every route. */
    permission?: Permission;
  }
}
