import { join } from 'node:path';
import type { PlinthError } from '../core/errors.js';
import type { Logger } from '../core/logger.js';
import { isoIn, nowIso } from '../core/time.js';
import type { ScaffolderEngine } from './engine.js';
import type { TaskUser } from './extension.js';
import type { StepView } from './schemas.js';
import type { ScaffolderTasksTable } from './tables.js';
import type { TaskStore } from './task-store.js';
import type { TemplateCatalog } from './template-catalog.js';

// A running task touches its row this often, so that another replica can tell it is alive.
const HEARTBEAT_MS = 30_000;

/**
 * Runs queued tasks, a few at a time, in this process: claims each one (so that one replica
 * runs it), runs its template, and stores step states, checks, log lines and the outcome as they come.
 */
export class TaskWorker {
  private readonly queue: string[] = [];
  private active = 0;
  private readonly running = new Set<Promise<void>>();
  private readonly logChains = new Map<string, Promise<void>>();
  private stopped = false;

  constructor(
    private readonly store: TaskStore,
    private readonly templates: TemplateCatalog,
    private readonly engine: ScaffolderEngine,
    private readonly logger: Logger,
    private readonly options: {
      tasksDir: string;
      concurrency: number;
      usersById: (id: string) => Promise<TaskUser | null>;
    },
  ) {}

  /**
   * Picks up what a stopped process left: queued tasks run (the claim is atomic, so several
   * replicas never run one task twice); running tasks whose heartbeat has stopped are failed with
   * the reason, and can be run again.
   */
  async recover(): Promise<void> {
    const silentSince = isoIn(-HEARTBEAT_MS * 4);
    for (const id of await this.store.idsInState('running', silentSince)) {
      await this.store.update(id, {
        state: 'failed',
        error_code: 'SCAFFOLDER_ACTION_FAILED',
        error_message: 'The server stopped while this task ran; run it again',
        ended_at: nowIso(),
        updated_at: nowIso(),
      });
    }
    for (const id of await this.store.idsInState('queued')) this.enqueue(id);
  }

  /** Waits for the tasks in progress (for shutdown and tests). */
  async drain(): Promise<void> {
    while (this.running.size > 0 || this.queue.length > 0) await Promise.all([...this.running]);
  }

  stop(): void {
    this.stopped = true;
  }

  enqueue(id: string): void {
    this.queue.push(id);
    this.pump();
  }

  private pump(): void {
    while (!this.stopped && this.active < this.options.concurrency && this.queue.length > 0) {
      const id = this.queue.shift() as string;
      this.active += 1;
      const done = this.execute(id)
        .catch((error) => this.logger.error({ err: error, task: id }, 'Task failed unexpectedly'))
        .finally(() => {
          this.active -= 1;
          this.running.delete(done);
          this.pump();
        });
      this.running.add(done);
    }
  }

  private log(taskId: string, stepId: string | null, level: string, message: string): Promise<void> {
    const previous = this.logChains.get(taskId) ?? Promise.resolve();
    const next = previous
      .then(() =>
        this.store.appendLog([{ task_id: taskId, at: nowIso(), step_id: stepId, level, message }], taskId),
      )
      .catch((error) => this.logger.warn({ err: error, task: taskId }, 'Task log line lost'));
    this.logChains.set(taskId, next);
    return next;
  }

  private async execute(id: string): Promise<void> {
    if (!(await this.store.claim(id, 'queued', nowIso()))) return;
    const row = (await this.store.get(id)) as ScaffolderTasksTable;
    const steps: StepView[] = JSON.parse(row.steps);
    const save = (patch: Partial<ScaffolderTasksTable>) =>
      this.store.update(id, { ...patch, updated_at: nowIso() });
    if (row.attempt > 1) await this.log(id, null, 'info', `Attempt ${row.attempt}`);
    const heartbeat = setInterval(() => {
      this.store.update(id, { updated_at: nowIso() }).catch(() => {});
    }, HEARTBEAT_MS);
    heartbeat.unref();
    try {
      const template = await this.templates.load(row.template_ref);
      const user = (await this.options.usersById(row.owner_id)) ?? {
        username: row.owner,
        displayName: row.owner,
        email: `${row.owner}@users.plinth.invalid`,
      };
      const result = await this.engine.run(template, JSON.parse(row.parameters), user, {
        dryRun: false,
        taskDir: join(this.options.tasksDir, id),
        taskId: id,
        hooks: {
          step: async (stepId, patch) => {
            const step = steps.find((s) => s.id === stepId);
            if (step) Object.assign(step, patch);
            await save({ steps: JSON.stringify(steps) });
          },
          log: (stepId, level, message) => this.log(id, stepId, level, message),
          checks: async (results) => save({ checks: JSON.stringify(results) }),
        },
      });
      await this.log(id, null, 'info', 'Done');
      await this.logChains.get(id);
      await save({ state: 'succeeded', output: JSON.stringify(result.output), ended_at: nowIso() });
    } catch (error) {
      const e = error as PlinthError;
      // A failing step has logged its error already; the others (checks, a template gone) say it here.
      if (!steps.some((s) => s.state === 'failed')) await this.log(id, null, 'error', e.message);
      await this.logChains.get(id);
      await save({
        state: 'failed',
        steps: JSON.stringify(steps),
        error_code: e.code ?? 'SCAFFOLDER_ACTION_FAILED',
        error_message: e.message,
        ended_at: nowIso(),
      });
    } finally {
      clearInterval(heartbeat);
      this.logChains.delete(id);
    }
  }
}
