import { type Actor, type AuditLog, type Principal, systemActor } from '../../auth/index.js';
import type { Db } from '../../core/db/database.js';
import { coreErrors } from '../../core/errors.js';
import type { Logger } from '../../core/logger.js';
import { newId, nowIso } from '../../core/time.js';
import { codeUnitEscape, loneSurrogateAt } from '../../core/well-formed.js';
import type { Notifier } from '../../notifications/notifier.js';
import { servicesErrors } from '../errors.js';
import type { VaultSecretsTable } from '../tables.js';
import type { Envelope } from './envelope.js';
import type { PutSecretBody, SecretMeta } from './schemas.js';
import type { VaultStore } from './vault-store.js';

export interface VaultDeps {
  db: Db;
  store: VaultStore;
  audit: AuditLog;
  logger: Logger;
  /** Null when no vault key is configured: every call then answers VAULT_DISABLED. */
  envelope: Envelope | null;
  teamsOf: (userId: string) => Promise<string[]>;
  teamExists: (name: string) => Promise<boolean>;
  /** Checks the caller's account password (re-authentication before a reveal). */
  checkPassword: (principal: Principal, password: string) => Promise<boolean>;
  reminderDays: number;
  maxValueBytes: number;
  /** Tells the team's members of a secret about to expire (topic `vault.expiry`). */
  notifier?: Notifier;
  teamMembers?: (team: string) => Promise<string[]>;
}

const DAY_MS = 86_400_000;

/**
 * Refuses text that UTF-8 cannot carry: Buffer.from would silently put U+FFFD in place of a lone
 * surrogate, and the secret revealed later would not be the one stored. Request bodies are checked
 * at the door already; this keeps the rule for every other caller of the service.
 */
function assertStorableText(field: string, text: string | undefined): void {
  if (text === undefined) return;
  const at = loneSurrogateAt(text);
  if (at < 0) return;
  const message = `character ${at + 1} (${codeUnitEscape(text, at)}) is half of a UTF-16 surrogate pair on its own, which cannot be stored as UTF-8`;
  throw coreErrors.INPUT_NOT_TEXT.create([`${field}: ${message}`], { details: [{ field, message }] });
}

/**
 * The team vault's rules: a team's secrets are for its members; values are encrypted at rest,
 * revealed only after re-authentication, and every reveal is audited.
 */
export class VaultService {
  constructor(private readonly deps: VaultDeps) {}

  get enabled(): boolean {
    return this.deps.envelope !== null;
  }

  private envelope(): Envelope {
    if (!this.deps.envelope) throw servicesErrors.VAULT_DISABLED.create();
    return this.deps.envelope;
  }

  toMeta(row: VaultSecretsTable, now = Date.now()): SecretMeta {
    const expires = row.expires_at ? Date.parse(row.expires_at) : null;
    const expiryState =
      expires === null
        ? 'none'
        : expires <= now
          ? 'expired'
          : expires - now <= this.deps.reminderDays * DAY_MS
            ? 'soon'
            : 'ok';
    return {
      team: row.team,
      name: row.name,
      description: row.description,
      version: row.version,
      createdBy: row.created_by,
      createdAt: row.created_at,
      updatedBy: row.updated_by,
      updatedAt: row.updated_at,
      expiresAt: row.expires_at,
      expiryState,
      lastReadAt: row.last_read_at,
      lastReadBy: row.last_read_by,
    };
  }

  /** Secrets of the caller's teams (all teams' metadata for Keepers); values never leave here. */
  async list(principal: Principal, filter: { team?: string; expiring?: boolean }) {
    this.envelope();
    const teams = await this.deps.teamsOf(principal.user.id);
    const visible = principal.role === 'keeper' ? 'all' : teams;
    if (filter.team && visible !== 'all' && !teams.includes(filter.team)) {
      throw servicesErrors.VAULT_TEAM_FORBIDDEN.create([filter.team]);
    }
    const rows = await this.deps.store.list(filter.team ? [filter.team] : visible);
    let items = rows.map((r) => this.toMeta(r));
    if (filter.expiring) items = items.filter((i) => i.expiryState === 'soon' || i.expiryState === 'expired');
    return { items, teams };
  }

  async get(principal: Principal, team: string, name: string): Promise<SecretMeta> {
    this.envelope();
    if (principal.role !== 'keeper') await this.requireMember(principal, team);
    return this.toMeta(await this.require(team, name));
  }

  /** Stores a value under team/name, replacing the previous version; returns whether it was new. */
  async put(principal: Principal, actor: Actor, team: string, name: string, body: PutSecretBody) {
    const envelope = this.envelope();
    await this.requireMember(principal, team);
    assertStorableText('value', body.value);
    assertStorableText('description', body.description);
    const value = Buffer.from(body.value, 'utf8');
    if (value.length > this.deps.maxValueBytes) {
      throw servicesErrors.VAULT_SECRET_TOO_LARGE.create([this.deps.maxValueBytes]);
    }
    const expiresAt = body.expiresAt ? parseExpiry(body.expiresAt) : null;
    const now = nowIso();
    const username = actor.username ?? 'unknown';
    return this.deps.db.transaction().execute(async (trx) => {
      const existing = await this.deps.store.find(team, name, trx);
      const id = existing?.id ?? newId();
      const sealed = envelope.seal(value, { id, team, name });
      const sealedColumns = {
        ciphertext: sealed.ciphertext,
        wrapped_key: sealed.wrappedKey,
        key_id: sealed.keyId,
      };
      let row: VaultSecretsTable;
      if (existing) {
        row = {
          ...existing,
          ...sealedColumns,
          description: body.description ?? existing.description,
          expires_at: body.expiresAt === undefined ? existing.expires_at : expiresAt,
          reminded_at: null,
          version: existing.version + 1,
          updated_by: username,
          updated_at: now,
        };
        await this.deps.store.update(id, row, trx);
      } else {
        row = {
          id,
          team,
          name,
          description: body.description ?? '',
          ...sealedColumns,
          version: 1,
          created_by: username,
          created_at: now,
          updated_by: username,
          updated_at: now,
          expires_at: expiresAt,
          reminded_at: null,
          last_read_at: null,
          last_read_by: null,
        };
        await this.deps.store.insert(row, trx);
      }
      await this.deps.audit.record(
        actor,
        {
          action: 'secrets.put',
          target: `${team}/${name}`,
          details: { version: row.version, expiresAt: row.expires_at },
        },
        trx,
      );
      return { created: !existing, secret: this.toMeta(row) };
    });
  }

  /**
   * The value, after re-authentication: a session caller must send their password; a token caller
   * has proved possession of a secret already (see docs/services.md). Every reveal is audited.
   */
  async reveal(principal: Principal, actor: Actor, team: string, name: string, password: string | undefined) {
    const envelope = this.envelope();
    await this.requireMember(principal, team);
    if (principal.method === 'session') {
      if (!password) throw servicesErrors.VAULT_REAUTH_REQUIRED.create();
      if (!(await this.deps.checkPassword(principal, password))) {
        await this.deps.audit.record(actor, { action: 'secrets.reveal.refused', target: `${team}/${name}` });
        throw servicesErrors.VAULT_REAUTH_FAILED.create();
      }
    }
    const row = await this.require(team, name);
    if (row.expires_at && Date.parse(row.expires_at) <= Date.now()) {
      throw servicesErrors.VAULT_SECRET_EXPIRED.create([name, team, row.expires_at]);
    }
    const value = envelope.open(
      { ciphertext: row.ciphertext, wrappedKey: row.wrapped_key, keyId: row.key_id },
      { id: row.id, team, name },
    );
    const now = nowIso();
    await this.deps.db.transaction().execute(async (trx) => {
      await this.deps.store.update(row.id, { last_read_at: now, last_read_by: actor.username }, trx);
      await this.deps.audit.record(
        actor,
        {
          action: 'secrets.reveal',
          target: `${team}/${name}`,
          details: { version: row.version, via: principal.method },
        },
        trx,
      );
    });
    return {
      ...this.toMeta({ ...row, last_read_at: now, last_read_by: actor.username }),
      value: value.toString('utf8'),
    };
  }

  /**
   * A secret's value for a job of `team` that `principal` submits (`env: { KEY: "secret:NAME" }`):
   * only a member of the team gets it, it is handed to the executor and never stored with the
   * job, and the read is audited with the job's name.
   */
  async readForJob(
    principal: Principal,
    actor: Actor,
    team: string,
    name: string,
    job: string,
  ): Promise<string> {
    const envelope = this.envelope();
    await this.requireMember(principal, team);
    const row = await this.require(team, name);
    if (row.expires_at && Date.parse(row.expires_at) <= Date.now()) {
      throw servicesErrors.VAULT_SECRET_EXPIRED.create([name, team, row.expires_at]);
    }
    const value = envelope.open(
      { ciphertext: row.ciphertext, wrappedKey: row.wrapped_key, keyId: row.key_id },
      { id: row.id, team, name },
    );
    const now = nowIso();
    await this.deps.db.transaction().execute(async (trx) => {
      await this.deps.store.update(row.id, { last_read_at: now, last_read_by: actor.username }, trx);
      await this.deps.audit.record(
        actor,
        { action: 'secrets.read-for-job', target: `${team}/${name}`, details: { version: row.version, job } },
        trx,
      );
    });
    return value.toString('utf8');
  }

  async remove(principal: Principal, actor: Actor, team: string, name: string) {
    this.envelope();
    await this.requireMember(principal, team);
    const row = await this.require(team, name);
    await this.deps.db.transaction().execute(async (trx) => {
      await this.deps.store.delete(row.id, trx);
      await this.deps.audit.record(actor, { action: 'secrets.delete', target: `${team}/${name}` }, trx);
    });
  }

  /** Re-wraps every data key still under a retired vault key; run at start after a key rotation. */
  async rewrapAll(): Promise<number> {
    const envelope = this.deps.envelope;
    if (!envelope) return 0;
    const rows = await this.deps.store.wrappedUnder(envelope.current.id);
    for (const row of rows) {
      const sealed = { ciphertext: row.ciphertext, wrappedKey: row.wrapped_key, keyId: row.key_id };
      const next = envelope.rewrap(sealed, { id: row.id, team: row.team, name: row.name });
      await this.deps.db.transaction().execute(async (trx) => {
        await this.deps.store.update(row.id, { wrapped_key: next.wrappedKey, key_id: next.keyId }, trx);
        await this.deps.audit.record(
          systemActor,
          {
            action: 'secrets.rewrap',
            target: `${row.team}/${row.name}`,
            details: { from: row.key_id, to: next.keyId },
          },
          trx,
        );
      });
    }
    if (rows.length)
      this.deps.logger.info({ count: rows.length }, 'Vault: data keys re-wrapped under the current key');
    return rows.length;
  }

  /** Marks secrets entering the reminder window and records a reminder for their team; returns them. */
  async remindExpiring(now = Date.now()): Promise<SecretMeta[]> {
    if (!this.deps.envelope) return [];
    const due = await this.deps.store.dueForReminder(
      new Date(now + this.deps.reminderDays * DAY_MS).toISOString(),
    );
    const reminded: SecretMeta[] = [];
    for (const row of due) {
      await this.deps.db.transaction().execute(async (trx) => {
        await this.deps.store.update(row.id, { reminded_at: new Date(now).toISOString() }, trx);
        await this.deps.audit.record(
          systemActor,
          {
            action: 'secrets.expiry-reminder',
            target: `${row.team}/${row.name}`,
            details: { expiresAt: row.expires_at },
          },
          trx,
        );
      });
      this.deps.logger.info(
        { team: row.team, secret: row.name, expiresAt: row.expires_at },
        'Vault: secret expires soon',
      );
      if (this.deps.notifier && this.deps.teamMembers) {
        await this.deps.notifier.notify({
          recipients: await this.deps.teamMembers(row.team),
          topic: 'vault.expiry',
          title: `Secret ${row.name} of team ${row.team} expires on ${row.expires_at?.slice(0, 10)}`,
          body: `Store a new value for ${row.team}/${row.name} before it expires: once expired, jobs and people that read it are refused.`,
          link: '/services/vault',
          actorId: null,
        });
      }
      reminded.push(this.toMeta(row, now));
    }
    return reminded;
  }

  private async require(team: string, name: string) {
    const row = await this.deps.store.find(team, name);
    if (!row) throw servicesErrors.VAULT_SECRET_NOT_FOUND.create([team, name]);
    return row;
  }

  private async requireMember(principal: Principal, team: string) {
    const teams = await this.deps.teamsOf(principal.user.id);
    if (teams.includes(team)) return;
    if (!(await this.deps.teamExists(team))) throw servicesErrors.VAULT_TEAM_NOT_FOUND.create([team]);
    throw servicesErrors.VAULT_TEAM_FORBIDDEN.create([team]);
  }
}

function parseExpiry(text: string): string {
  const ms = Date.parse(text);
  if (Number.isNaN(ms)) throw servicesErrors.VAULT_INVALID_EXPIRY.create([text.slice(0, 40)]);
  return new Date(ms).toISOString();
}
