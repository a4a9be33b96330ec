import { randomBytes } from 'node:crypto';
import type { Registry } from 'prom-client';
import type { AuditLog, Principal } from '../auth/index.js';
import type { Config } from '../core/config/index.js';
import type { Db } from '../core/db/database.js';
import type { Logger } from '../core/logger.js';
import type { Notifier } from '../notifications/notifier.js';
import type { TypedApp } from '../server/typed-app.js';
import { CredentialService } from './credentials/credential-service.js';
import { generateRandomSecret } from './credentials/random-secret.js';
import { credentialRoutes } from './credentials/routes.js';
import { HealthMonitor } from './health.js';
import { IdService } from './ids/id-service.js';
import { checkLayout, maxWorkers } from './ids/layout.js';
import { idRoutes } from './ids/routes.js';
import { SnowflakeGenerator } from './ids/snowflake.js';
import { WorkerLease } from './ids/worker-lease.js';
import { registerServicesMetrics } from './metrics.js';
import { servicesRoutes } from './routes.js';
import type { ServiceEntity } from './turnkey-services.js';
import { Envelope, parseVaultKey } from './vault/envelope.js';
import { vaultRoutes } from './vault/routes.js';
import { VaultService } from './vault/vault-service.js';
import { VaultStore } from './vault/vault-store.js';

export interface ServicesModuleOptions {
  config: Config;
  teamsOf: (userId: string) => Promise<string[]>;
  teamExists: (name: string) => Promise<boolean>;
  checkPassword: (principal: Principal, password: string) => Promise<boolean>;
  entity: (ref: string) => Promise<ServiceEntity | null>;
  /** Where vault expiry reminders go (topic `vault.expiry`), to the members of the secret's team. */
  notifier?: Notifier;
  teamMembers?: (team: string) => Promise<string[]>;
}

const HOUR_MS = 3_600_000;

function createEnvelope(config: Config['services']['vault'], logger: Logger): Envelope | null {
  if (!config.key) {
    logger.warn(
      'The team vault is off: set services.vault.key (PLINTH_SERVICES_VAULT_KEY) to 32 random bytes in base64 to turn it on',
    );
    return null;
  }
  return new Envelope(
    parseVaultKey(config.key, 'services.vault.key'),
    config.retiredKeys.map((k, i) => parseVaultKey(k, `services.vault.retiredKeys[${i}]`)),
  );
}

/** The turnkey services, wired: ID generator with its worker lease, credentials, team vault, health. */
export function createServicesModule(
  db: Db,
  audit: AuditLog,
  logger: Logger,
  options: ServicesModuleOptions,
) {
  const c = options.config.services;
  const layout = checkLayout({
    epochMs: Date.parse(c.ids.epoch),
    timeBits: c.ids.timeBits,
    workerBits: c.ids.workerBits,
    sequenceBits: c.ids.sequenceBits,
  });
  const generator = new SnowflakeGenerator(layout);
  const lease = new WorkerLease(db, logger, {
    workers: maxWorkers(layout),
    leaseMs: c.ids.leaseSeconds * 1000,
    onWindow: (window) => generator.setWindow(window),
    lastIssuedMs: () => generator.lastIssuedMs,
  });
  const ids = new IdService(generator, { maxClockBackwardMs: c.ids.maxClockBackwardMs });
  const credentials = new CredentialService(audit);
  const envelope = createEnvelope(c.vault, logger);
  const vault = new VaultService({
    db,
    store: new VaultStore(db),
    audit,
    logger,
    envelope,
    teamsOf: options.teamsOf,
    teamExists: options.teamExists,
    checkPassword: options.checkPassword,
    reminderDays: c.vault.reminderDays,
    maxValueBytes: c.vault.maxValueBytes,
    notifier: options.notifier,
    teamMembers: options.teamMembers,
  });
  const health = new HealthMonitor(
    {
      ids: async () => {
        const state = lease.state();
        if (state.state !== 'held') return { status: 'down', message: `No worker id: ${state.reason}` };
        const [id] = await ids.snowflakeBatch(1);
        return { status: 'operational', message: `Worker ${state.worker}; issued ${id}` };
      },
      credentials: async () => {
        generateRandomSecret(16, 'hex');
        return { status: 'operational', message: 'The secure random source answers' };
      },
      vault: async () => {
        if (!envelope) return { status: 'disabled', message: 'No vault key is configured' };
        const probe = randomBytes(16);
        const context = { id: 'health', team: 'health', name: 'probe' };
        const ok = envelope.open(envelope.seal(probe, context), context).equals(probe);
        await db.selectFrom('vault_secrets').select('id').limit(1).execute();
        return ok
          ? { status: 'operational', message: 'Encryption and storage answer' }
          : { status: 'down', message: 'Encryption round trip failed' };
      },
    },
    c.healthIntervalSeconds * 1000,
  );
  let reminders: NodeJS.Timeout | null = null;

  return {
    ids,
    generator,
    lease,
    credentials,
    vault,
    health,
    routes(app: TypedApp) {
      servicesRoutes(app, {
        health,
        entity: options.entity,
        teamsOf: options.teamsOf,
        publicUrl: options.config.publicUrl,
      });
      idRoutes(app, ids, { maxBatch: c.ids.maxBatch, requestsPerMinute: c.ids.requestsPerMinute });
      credentialRoutes(app, credentials, c.generationsPerMinute);
      vaultRoutes(app, vault, c.vault.readsPerMinute);
    },
    metrics: (registry: Registry) => registerServicesMetrics(registry, lease, health),
    /** Takes a worker id and re-wraps vault keys after a rotation; run before serving. */
    async prepare() {
      await lease.start();
      await vault.rewrapAll();
    },
    /** Health checks and expiry reminders on their timers. */
    start() {
      health.start();
      const remind = () =>
        void vault.remindExpiring().catch((error) => logger.warn({ err: error }, 'Vault: reminders failed'));
      remind();
      reminders = setInterval(remind, HOUR_MS);
      reminders.unref();
    },
    async stop() {
      health.stop();
      if (reminders) clearInterval(reminders);
      await lease.stop();
    },
  };
}

export type ServicesModule = ReturnType<typeof createServicesModule>;
