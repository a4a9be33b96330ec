import type { Actor, AuditLog } from '../auth/index.js';
import type { Db } from '../core/db/database.js';
import { nowIso } from '../core/time.js';
import type { GuideProgress } from './schemas.js';

/** Per-person ticked steps of guides. Only steps the guide still has count. */
export class GuideProgressStore {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditLog,
  ) {}

  async of(pageId: string, steps: string[], userId: string | null): Promise<GuideProgress> {
    const rows = await this.db
      .selectFrom('docs_guide_progress')
      .select(['user_id', 'step'])
      .where('page_id', '=', pageId)
      .execute();
    const current = new Set(steps);
    const perUser = new Map<string, Set<string>>();
    for (const row of rows) {
      if (!current.has(row.step)) continue;
      const set = perUser.get(row.user_id) ?? new Set<string>();
      set.add(row.step);
      perUser.set(row.user_id, set);
    }
    const mine = userId ? (perUser.get(userId) ?? new Set<string>()) : new Set<string>();
    const done = steps.filter((s) => mine.has(s));
    return {
      done,
      steps: steps.length,
      completed: steps.length > 0 && done.length === steps.length,
      completedBy: [...perUser.values()].filter((s) => steps.length > 0 && s.size === steps.length).length,
      startedBy: perUser.size,
    };
  }

  /** The caller's ticks on every guide, for "continue where you left off". */
  async mine(userId: string): Promise<Map<string, Set<string>>> {
    const rows = await this.db
      .selectFrom('docs_guide_progress')
      .select(['page_id', 'step'])
      .where('user_id', '=', userId)
      .execute();
    const out = new Map<string, Set<string>>();
    for (const row of rows) out.set(row.page_id, (out.get(row.page_id) ?? new Set()).add(row.step));
    return out;
  }

  /** Ticks or unticks one step, audited in the same transaction. */
  async set(actor: Actor & { userId: string }, pageId: string, step: string, done: boolean): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      if (done) {
        await trx
          .insertInto('docs_guide_progress')
          .values({ user_id: actor.userId, page_id: pageId, step, done_at: nowIso() })
          .onConflict((oc) => oc.columns(['user_id', 'page_id', 'step']).doNothing())
          .execute();
      } else {
        await trx
          .deleteFrom('docs_guide_progress')
          .where('user_id', '=', actor.userId)
          .where('page_id', '=', pageId)
          .where('step', '=', step)
          .execute();
      }
      await this.audit.record(
        actor,
        { action: done ? 'docs.step.done' : 'docs.step.undone', target: pageId, details: { step } },
        trx,
      );
    });
  }
}
