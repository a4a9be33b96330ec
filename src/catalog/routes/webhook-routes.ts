import { createHmac } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { safeEqual } from '../../auth/secrets.js';
import { errorResponses, type TypedApp } from '../../server/typed-app.js';
import { catalogErrors } from '../catalog-errors.js';
import { webBaseOf } from '../source-links.js';
import type { CatalogLocationsTable } from '../tables.js';

export interface WebhookDeps {
  secret: string | undefined;
  locations: () => Promise<CatalogLocationsTable[]>;
  /** Starts a sync without waiting for it: git hosts give up on slow webhooks. */
  trigger: (location: CatalogLocationsTable) => void;
}

function header(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return typeof value === 'string' ? value : undefined;
}

/** Accepts a plain shared token (Plinth, GitLab) or a GitHub HMAC signature of the raw body. */
function isAuthentic(request: FastifyRequest, raw: string, secret: string): boolean {
  const token = header(request, 'x-plinth-token') ?? header(request, 'x-gitlab-token');
  if (token) return safeEqual(token, secret);
  const signature = header(request, 'x-hub-signature-256');
  if (!signature) return false;
  const expected = `sha256=${createHmac('sha256', secret).update(raw).digest('hex')}`;
  return safeEqual(signature, expected);
}

/** Repository URLs named in a GitHub or GitLab push payload. */
function repositoriesIn(payload: unknown): string[] {
  const body = (payload ?? {}) as Record<string, Record<string, unknown> | undefined>;
  const candidates = [body.repository, body.project].flatMap((repo) =>
    repo
      ? ['clone_url', 'ssh_url', 'html_url', 'git_http_url', 'git_ssh_url', 'web_url'].map((k) => repo[k])
      : [],
  );
  return candidates.filter((u): u is string => typeof u === 'string');
}

const sameRepo = (a: string, b: string) => {
  const left = webBaseOf(a);
  const right = webBaseOf(b);
  return left !== null && right !== null && left.toString().toLowerCase() === right.toString().toLowerCase();
};

/** `POST /api/catalog/webhook`: a git host announces a push; the matching locations are synced. */
export function webhookRoutes(app: TypedApp, deps: WebhookDeps) {
  app.register(async (scope) => {
    // The signature covers the exact bytes sent, so keep them before JSON parsing.
    scope.removeContentTypeParser('application/json');
    scope.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) =>
      done(null, body),
    );
    scope.post(
      '/api/catalog/webhook',
      {
        config: { permission: 'catalog.webhook', rateLimit: { max: 60, timeWindow: 60_000 } },
        schema: {
          tags: ['catalog'],
          summary: 'Webhook for git hosts: sync the locations of the pushed repository (or ?location=name)',
          querystring: Type.Object({ location: Type.Optional(Type.String({ maxLength: 100 })) }),
          response: { 202: Type.Object({ syncing: Type.Array(Type.String()) }), ...errorResponses },
        },
      },
      async (request, reply) => {
        if (!deps.secret) throw catalogErrors.CATALOG_WEBHOOK_DISABLED.create();
        const raw = typeof request.body === 'string' ? request.body : '';
        if (!isAuthentic(request, raw, deps.secret))
          throw catalogErrors.CATALOG_WEBHOOK_UNAUTHORIZED.create();
        let payload: unknown = {};
        try {
          payload = raw ? JSON.parse(raw) : {};
        } catch {
          payload = {};
        }
        const all = await deps.locations();
        const named = (request.query as { location?: string }).location;
        const repos = repositoriesIn(payload);
        const chosen = named
          ? all.filter((l) => l.name === named)
          : repos.length
            ? all.filter((l) => l.reader === 'git' && repos.some((r) => sameRepo(r, l.target)))
            : all.filter((l) => l.reader === 'git');
        for (const location of chosen) deps.trigger(location);
        return reply.code(202).send({ syncing: chosen.map((l) => l.name) });
      },
    );
  });
}
