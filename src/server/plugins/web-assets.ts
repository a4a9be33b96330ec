import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { coreErrors } from '../../core/errors.js';
import { permitAllRoutesIn } from './authentication.js';

/**
 * Serves the built single-page app from `dir` and answers every other non-API GET with its
 * index.html, so that deep links (/catalog?kind=API) work. API paths that match no route get
 * a JSON ROUTE_NOT_FOUND instead.
 */
export async function installWebAssets(app: FastifyInstance, dir: string): Promise<void> {
  const indexFile = join(dir, 'index.html');
  const indexHtml = existsSync(indexFile) ? readFileSync(indexFile) : undefined;
  if (indexHtml) {
    await app.register(async (assets) => {
      permitAllRoutesIn(assets, 'platform.read');
      await assets.register(fastifyStatic, {
        root: dir,
        wildcard: false,
        index: false,
        setHeaders: (res, path) => {
          // Vite fingerprints everything under assets/, so those files never change.
          const immutable = path.includes(`${join(dir, 'assets')}`);
          res.header('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
        },
      });
    });
  } else {
    app.log.warn({ dir }, 'The web app is not built (run `npm run build`); only the API is served');
  }
  app.setNotFoundHandler(async (request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    const isApi = path.startsWith('/api/') || path === '/api';
    if (!isApi && indexHtml && (request.method === 'GET' || request.method === 'HEAD')) {
      return reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(indexHtml);
    }
    throw coreErrors.ROUTE_NOT_FOUND.create([request.method, path]);
  });
}
