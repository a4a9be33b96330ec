import { decodeCursor, toPage } from '../../core/cursor.js';
import { errorResponses, type TypedApp } from '../../server/typed-app.js';
import { AuditLog } from '../audit-log.js';
import { AuditPage, AuditQuery } from '../schemas.js';
import type { AuthServices } from '../services.js';

/** The audit log, newest first, for Keepers. */
export function auditRoutes(app: TypedApp, auth: AuthServices) {
  app.get(
    '/api/audit',
    {
      config: { permission: 'audit.read' },
      schema: {
        tags: ['audit'],
        summary: 'Audit log: who changed what, when, from where (newest first; action accepts a trailing *)',
        querystring: AuditQuery,
        response: { 200: AuditPage, ...errorResponses },
      },
    },
    async (request) => {
      const { actor, action, cursor } = request.query;
      const limit = request.query.limit ?? 50;
      const rows = await auth.audit.list({ actor, action, before: decodeCursor(cursor), limit });
      return toPage(rows, limit, (r) => r.id, AuditLog.toApi);
    },
  );
}
