import { createHash } from 'node:crypto';
import type { Db } from '../core/db/database.js';
import type { Notifier } from './notifier.js';
import { teamMemberIds } from './team-members.js';

const LISTED = 5;

/** The team an owner ref names: `group:default/protein-ml` → `protein-ml`; users own no team. */
export function teamOfOwner(owner: string): string | null {
  const match = /^group:[^/]+\/(.+)$/.exec(owner);
  return match?.[1] ?? null;
}

function fingerprint(p: {
  owner: string | null;
  entity_ref: string | null;
  file: string;
  code: string;
  field: string | null;
  message: string;
}): string {
  // The line is left out: a problem that only moved in its file is not new.
  return createHash('sha256')
    .update(JSON.stringify([p.owner, p.entity_ref ?? p.file, p.code, p.field, p.message]))
    .digest('hex');
}

/**
 * After a catalog revision is applied: the problems that are new in it (not in the location's
 * previous revision), for entities owned by a team, are told to that team's members, one notice
 * per team. Problems that went away are forgotten, so one that comes back is told again.
 */
export function catalogProblemNotices(db: Db, notifier: Notifier) {
  return async (event: { locationId: string }) => {
    const problems = await db
      .selectFrom('catalog_problems')
      .select(['owner', 'entity_ref', 'file', 'code', 'field', 'message'])
      .where('location_id', '=', event.locationId)
      .orderBy('id')
      .execute();
    const current = new Map(problems.map((p) => [fingerprint(p), p]));
    const seen = new Set(
      (
        await db
          .selectFrom('notification_catalog_problems_seen')
          .select('fingerprint')
          .where('location_id', '=', event.locationId)
          .execute()
      ).map((r) => r.fingerprint),
    );
    const byTeam = new Map<string, typeof problems>();
    for (const [print, problem] of current) {
      const team = problem.owner ? teamOfOwner(problem.owner) : null;
      if (seen.has(print) || !team) continue;
      byTeam.set(team, [...(byTeam.get(team) ?? []), problem]);
    }
    await db.transaction().execute(async (trx) => {
      await trx
        .deleteFrom('notification_catalog_problems_seen')
        .where('location_id', '=', event.locationId)
        .execute();
      const rows = [...current.keys()].map((f) => ({ location_id: event.locationId, fingerprint: f }));
      for (let i = 0; i < rows.length; i += 500) {
        await trx
          .insertInto('notification_catalog_problems_seen')
          .values(rows.slice(i, i + 500))
          .execute();
      }
    });
    const members = await teamMemberIds(db, [...byTeam.keys()]);
    for (const [team, found] of byTeam) {
      const recipients = members.get(team) ?? [];
      if (recipients.length === 0) continue;
      const n = found.length;
      const lines = found.slice(0, LISTED).map((p) => `- ${p.entity_ref ?? p.file}: ${p.message}`);
      if (n > LISTED) lines.push(`…and ${n - LISTED} more.`);
      await notifier.notify({
        recipients,
        topic: 'catalog.problems',
        title: `${n} new ${n === 1 ? 'problem' : 'problems'} in your team's catalog entities`,
        body: [`Team ${team}: the latest catalog revision brought:`, ...lines].join('\n'),
        link: '/',
        actorId: null,
      });
    }
  };
}
