import { type People, PersonCache } from './people.js';
import type { RequestService } from './request-service.js';
import type { RequestStore } from './request-store.js';
import type { Dashboard } from './schemas.js';
import type { RequestsTable } from './tables.js';
import { overdue } from './targets.js';
import { toSummary } from './views.js';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** The middle value, in hours with one decimal; null for nothing. */
export function medianHours(durationsMs: number[]): number | null {
  if (durationsMs.length === 0) return null;
  const sorted = [...durationsMs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const value =
    sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
  return Math.round((value / HOUR_MS) * 10) / 10;
}

const elapsed = (from: string, to: string | null) => (to ? Date.parse(to) - Date.parse(from) : null);

/** How the Keepers are doing: counts, medians over a period, what is late, what waits longest. */
export async function buildDashboard(
  service: RequestService,
  store: RequestStore,
  people: People,
  nowMs: number,
  days: number,
): Promise<Dashboard> {
  const since = new Date(nowMs - days * DAY_MS).toISOString();
  const [byState, byCategory, recent, open] = await Promise.all([
    store.countBy('state'),
    store.countBy('category'),
    store.createdSince(since),
    store.open(),
  ]);
  const firstResponses = recent
    .map((r) => elapsed(r.created_at, r.first_response_at))
    .filter((d): d is number => d !== null);
  const resolutions = recent
    .filter((r) => r.state === 'done' || r.state === 'declined')
    .map((r) => elapsed(r.created_at, r.closed_at))
    .filter((d): d is number => d !== null);
  const cache = new PersonCache(people);
  const summaries = (rows: RequestsTable[]) =>
    Promise.all(rows.map((r) => toSummary(r, cache, service.categories, nowMs)));
  const late = (row: RequestsTable) =>
    overdue(
      {
        open: true,
        firstResponseAt: row.first_response_at,
        firstResponseDueAt: row.first_response_due_at,
        resolutionDueAt: row.resolution_due_at,
      },
      nowMs,
    );
  const byDue =
    (key: 'first_response_due_at' | 'resolution_due_at') => (a: RequestsTable, b: RequestsTable) =>
      a[key].localeCompare(b[key]);
  return {
    periodDays: days,
    byState,
    byCategory,
    medianFirstResponseHours: medianHours(firstResponses),
    medianResolutionHours: medianHours(resolutions),
    measured: { firstResponses: firstResponses.length, resolutions: resolutions.length },
    overdueFirstResponse: await summaries(
      open.filter((r) => late(r).firstResponse).sort(byDue('first_response_due_at')),
    ),
    overdueResolution: await summaries(
      open.filter((r) => late(r).resolution).sort(byDue('resolution_due_at')),
    ),
    oldestOpen: await summaries(
      [...open].sort((a, b) => a.created_at.localeCompare(b.created_at)).slice(0, 10),
    ),
  };
}
