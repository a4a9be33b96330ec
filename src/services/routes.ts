import type { Principal } from '../auth/index.js';
import { errorResponses, type TypedApp } from '../server/typed-app.js';
import type { HealthMonitor } from './health.js';
import { ServiceList } from './schemas.js';
import { type ServiceEntity, serviceView, TURNKEY_SERVICES } from './turnkey-services.js';

export interface ServicesRouteDeps {
  health: HealthMonitor;
  entity: (ref: string) => Promise<ServiceEntity | null>;
  teamsOf: (userId: string) => Promise<string[]>;
  publicUrl: string | undefined;
}

/** The Services section: each turnkey service with its catalog facts, live health and usage snippets. */
export function servicesRoutes(app: TypedApp, deps: ServicesRouteDeps) {
  app.get(
    '/api/services',
    {
      config: { permission: 'services.read' },
      schema: {
        tags: ['services'],
        summary: 'The turnkey services, their health, and snippets made for you',
        response: { 200: ServiceList, ...errorResponses },
      },
    },
    async (request) => {
      const principal = request.principal as Principal;
      const [health, teams, entities] = await Promise.all([
        deps.health.current(),
        deps.teamsOf(principal.user.id),
        Promise.all(TURNKEY_SERVICES.map((s) => deps.entity(s.entityRef))),
      ]);
      const baseUrl = (deps.publicUrl ?? `${request.protocol}://${request.host}`).replace(/\/$/, '');
      const ctx = { baseUrl, username: principal.user.username, team: teams[0] ?? null };
      return {
        items: TURNKEY_SERVICES.map((service, i) =>
          serviceView(service, entities[i] ?? null, health.get(service.id), ctx),
        ),
      };
    },
  );
}
