import type { AuditLog } from '../auth/index.js';
import type { Db } from '../core/db/database.js';
import type { Logger } from '../core/logger.js';
import type { Notifier } from '../notifications/notifier.js';
import type { TypedApp } from '../server/typed-app.js';
import { attachmentRoutes } from './attachment-routes.js';
import { AttachmentService } from './attachment-service.js';
import type { RequestsConfig } from './config-schema.js';
import { Escalator } from './escalation.js';
import { RequestNotices } from './notices.js';
import { type People, peopleFrom, type UserRows } from './people.js';
import { RequestActions } from './request-actions.js';
import { RequestService } from './request-service.js';
import { RequestStore } from './request-store.js';
import { requestRoutes } from './routes.js';

export interface RequestsModuleOptions {
  config: RequestsConfig;
  notifier: Notifier;
  /** The accounts the loop reads: the auth user store. */
  users: UserRows;
  /** The clock of due times and escalation; tests move it forward. Default: the system clock. */
  now?: () => number;
}

/** The request loop, wired: filing, comments, moves, attachments, escalation of missed targets. */
export function createRequestsModule(
  db: Db,
  audit: AuditLog,
  logger: Logger,
  options: RequestsModuleOptions,
) {
  const now = options.now ?? Date.now;
  const store = new RequestStore(db);
  const people: People = peopleFrom(options.users);
  const notices = new RequestNotices(options.notifier, logger);
  const config = options.config;
  const service = new RequestService({ store, audit, people, notices, config, now });
  const actions = new RequestActions(service, store, audit, people, notices);
  const attachments = new AttachmentService(service, store, audit, people, config.attachments);
  const escalator = new Escalator(service, store, audit, people, notices, logger, now);
  return {
    service,
    actions,
    attachments,
    escalator,
    async routes(app: TypedApp) {
      requestRoutes(app, { service, actions, store, people, now, filesPerMinute: config.filesPerMinute });
      await attachmentRoutes(app, attachments, config.attachments);
    },
    start() {
      escalator.start(config.escalationIntervalSeconds * 1000);
    },
    stop() {
      escalator.stop();
    },
  };
}

export type RequestsModule = ReturnType<typeof createRequestsModule>;
