import type { StateTone } from '../components/StateBadge.js';
import type { RequestState, RequestSummary, Urgency } from './request-types.js';

/** Each state in words and in a tone; the words are what people read, the colour only helps. */
export const REQUEST_STATE_INFO: Record<RequestState, { label: string; tone: StateTone; hint: string }> = {
  new: { label: 'New', tone: 'info', hint: 'Filed; a Keeper has not triaged it yet' },
  triaged: { label: 'Triaged', tone: 'info', hint: 'A Keeper has it and will start on it' },
  in_progress: { label: 'In progress', tone: 'warn', hint: 'A Keeper is working on it' },
  waiting: {
    label: 'Waiting for requester',
    tone: 'danger',
    hint: 'The Keepers asked something: answer with a comment',
  },
  done: { label: 'Done', tone: 'ok', hint: 'Resolved' },
  declined: {
    label: 'Declined',
    tone: 'off',
    hint: 'The Keepers will not do it; the reason is on the request',
  },
  withdrawn: { label: 'Withdrawn', tone: 'off', hint: 'The requester closed it' },
};

export const REQUEST_STATES = Object.keys(REQUEST_STATE_INFO) as RequestState[];

export const URGENCY_LABELS: Record<Urgency, string> = {
  low: 'Low',
  normal: 'Normal',
  high: 'High',
  critical: 'Critical',
};

export function isOpen(state: RequestState): boolean {
  return state === 'new' || state === 'triaged' || state === 'in_progress' || state === 'waiting';
}

/** "3 h", "2 d 4 h", "25 min": how far a due time is, as people say it. */
export function spanText(ms: number): string {
  const minutes = Math.round(Math.abs(ms) / 60_000);
  if (minutes < 60) return `${Math.max(1, minutes)} min`;
  const hours = Math.round(minutes / 60);
  if (hours < 48) return `${hours} h`;
  const days = Math.floor(hours / 24);
  const rest = hours % 24;
  return rest ? `${days} d ${rest} h` : `${days} d`;
}

export interface ResponseTiming {
  text: string;
  tone: StateTone;
  overdue: boolean;
}

/** The badge a request wears for its targets: first response while unanswered, resolution after. */
export function responseTiming(request: RequestSummary, now: number): ResponseTiming | null {
  if (!isOpen(request.state)) return null;
  const answered = request.firstResponseAt !== null;
  const due = Date.parse(answered ? request.resolutionDueAt : request.firstResponseDueAt);
  const what = answered ? 'resolution' : 'first response';
  const overdue = answered ? request.overdue.resolution : request.overdue.firstResponse;
  if (overdue || due < now)
    return { text: `${what} overdue by ${spanText(now - due)}`, tone: 'danger', overdue: true };
  const soon = due - now < 3_600_000;
  return { text: `${what} due in ${spanText(due - now)}`, tone: soon ? 'warn' : 'off', overdue: false };
}
