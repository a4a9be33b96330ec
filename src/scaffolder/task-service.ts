import { join } from 'node:path';
import type { Actor, AuditLog, Principal } from '../auth/index.js';
import { decodeCursor, toPage } from '../core/cursor.js';
import type { Db } from '../core/db/database.js';
import type { Logger } from '../core/logger.js';
import { newId, nowIso } from '../core/time.js';
import type { ScaffolderEngine } from './engine.js';
import { scaffolderErrors } from './errors.js';
import type { TaskUser } from './extension.js';
import type { ScaffolderTasksTable } from './tables.js';
import type { TaskStore } from './task-store.js';
import { toTask } from './task-view.js';
import { TaskWorker } from './task-worker.js';
import type { TemplateCatalog } from './template-catalog.js';
import { initialSteps } from './template-runner.js';

export function userOf(principal: Principal): TaskUser {
  const u = principal.user;
  return {
    username: u.username,
    displayName: u.display_name || u.username,
    email: u.email ?? `${u.username}@users.plinth.invalid`,
  };
}

/** Tasks: a template run for a person, stored with its step states, checks, outputs and log. */
export class TaskService {
  private readonly worker: TaskWorker;

  constructor(
    private readonly db: Db,
    private readonly store: TaskStore,
    private readonly templates: TemplateCatalog,
    private readonly engine: ScaffolderEngine,
    private readonly audit: AuditLog,
    logger: Logger,
    private readonly options: {
      tasksDir: string;
      concurrency: number;
      usersById: (id: string) => Promise<TaskUser | null>;
    },
  ) {
    this.worker = new TaskWorker(store, templates, engine, logger, options);
  }

  async create(
    principal: Principal,
    actor: Actor,
    input: { templateRef: string; parameters: Record<string, unknown> },
  ) {
    const template = await this.templates.load(input.templateRef);
    const parameters = this.engine.parameters(template, input.parameters);
    this.engine.chosenChecks(template);
    const now = nowIso();
    const row: ScaffolderTasksTable = {
      id: newId(),
      template_ref: template.ref,
      template_title: template.title,
      owner_id: principal.user.id,
      owner: principal.user.username,
      state: 'queued',
      attempt: 1,
      parameters: JSON.stringify(parameters),
      steps: JSON.stringify(initialSteps(template)),
      checks: '[]',
      output: '[]',
      error_code: null,
      error_message: null,
      created_at: now,
      started_at: null,
      ended_at: null,
      updated_at: now,
    };
    await this.db.transaction().execute(async (trx) => {
      await this.store.insert(row, trx);
      await this.audit.record(
        actor,
        { action: 'scaffolder.task.create', target: row.id, details: { template: template.ref } },
        trx,
      );
    });
    this.worker.enqueue(row.id);
    return toTask(row);
  }

  /** A task its owner or a Keeper may see. */
  async visible(principal: Principal, id: string): Promise<ScaffolderTasksTable> {
    const row = await this.store.get(id);
    if (!row || (row.owner_id !== principal.user.id && principal.role !== 'keeper')) {
      throw scaffolderErrors.TASK_NOT_FOUND.create([id]);
    }
    return row;
  }

  async get(principal: Principal, id: string) {
    return toTask(await this.visible(principal, id));
  }

  async list(
    principal: Principal,
    query: { scope?: 'mine' | 'all'; state?: string; template?: string; cursor?: string; limit?: number },
  ) {
    const limit = query.limit ?? 50;
    const everyone = query.scope === 'all' && principal.role === 'keeper';
    const rows = await this.store.list(
      { ownerId: everyone ? undefined : principal.user.id, state: query.state, template: query.template },
      decodeCursor(query.cursor),
      limit,
    );
    return toPage(rows, limit, (r) => r.id, toTask);
  }

  /** Runs a failed task again from the start, with the same parameters. */
  async rerun(principal: Principal, actor: Actor, id: string) {
    const row = await this.visible(principal, id);
    if (row.state !== 'failed') throw scaffolderErrors.TASK_NOT_RERUNNABLE.create([id, row.state]);
    const template = await this.templates.load(row.template_ref);
    const now = nowIso();
    const patch = {
      state: 'queued',
      attempt: row.attempt + 1,
      steps: JSON.stringify(initialSteps(template)),
      checks: '[]',
      output: '[]',
      error_code: null,
      error_message: null,
      started_at: null,
      ended_at: null,
      updated_at: now,
    };
    await this.db.transaction().execute(async (trx) => {
      await this.store.update(id, patch, trx);
      await this.audit.record(
        actor,
        { action: 'scaffolder.task.rerun', target: id, details: { attempt: patch.attempt } },
        trx,
      );
    });
    this.worker.enqueue(id);
    return toTask({ ...row, ...patch });
  }

  async logs(principal: Principal, id: string, after: number, limit: number) {
    const row = await this.visible(principal, id);
    const lines = await this.store.logs(id, after, limit);
    const ended = row.state === 'succeeded' || row.state === 'failed';
    return {
      items: lines.map((l) => ({
        seq: l.seq,
        at: l.at,
        stepId: l.step_id,
        level: l.level,
        message: l.message,
      })),
      complete: ended && lines.length < limit,
    };
  }

  archivePath(row: ScaffolderTasksTable, file: string): string {
    return join(this.options.tasksDir, row.id, file);
  }

  /** Runs what a stopped process left queued; fails what it left running (see TaskWorker.recover). */
  recover(): Promise<void> {
    return this.worker.recover();
  }

  /** Waits for the tasks in progress (for shutdown and tests). */
  drain(): Promise<void> {
    return this.worker.drain();
  }

  stop(): void {
    this.worker.stop();
  }
}
