import { type RequestState, STATE_LABELS } from '../requests/states.js';
import { type Column, table } from './output.js';
import type { RequestDetail, RequestSummary } from './request-api.js';

/** "overdue 2h", "due in 3h" or "" for the target a request is now measured against. */
export function dueText(r: RequestSummary, now = Date.now()): string {
  if (r.closedAt) return '';
  const answered = r.firstResponseAt !== null;
  const due = Date.parse(answered ? r.resolutionDueAt : r.firstResponseDueAt);
  const what = answered ? 'resolution' : 'first response';
  const hours = Math.round(Math.abs(due - now) / 360_000) / 10;
  return due < now ? `${what} OVERDUE by ${hours}h` : `${what} due in ${hours}h`;
}

const columns: Column<RequestSummary>[] = [
  { heading: 'number', cell: (r) => `#${r.number}` },
  { heading: 'state', cell: (r) => STATE_LABELS[r.state as RequestState] ?? r.state },
  { heading: 'category', cell: (r) => r.category },
  { heading: 'team', cell: (r) => r.team ?? '-' },
  { heading: 'assignee', cell: (r) => r.assignee?.username ?? '-' },
  { heading: 'target', cell: (r) => dueText(r) },
  { heading: 'title', cell: (r) => r.title },
];

export function requestsTable(items: RequestSummary[]): string {
  return table(items, columns);
}

/** One request as text: facts, description, then comments and moves in order. */
export function requestDetail(r: RequestDetail): string {
  const lines = [
    `#${r.number} ${r.title}`,
    `  state       ${STATE_LABELS[r.state as RequestState] ?? r.state}${r.closedAt ? '' : `  (${dueText(r)})`}`,
    `  category    ${r.categoryTitle}, urgency ${r.urgency}`,
    `  filed by    ${r.requester.username}${r.team ? ` for ${r.team}` : ''}, ${r.createdAt}`,
    `  assignee    ${r.assignee?.username ?? 'not assigned yet'}`,
    ...(r.context.path ? [`  about       ${r.context.entity ?? r.context.step ?? r.context.path}`] : []),
    ...(r.declineReason ? [`  declined    ${r.declineReason}`] : []),
    ...(r.withdrawReason ? [`  withdrawn   ${r.withdrawReason}`] : []),
    `  id          ${r.id}`,
    '',
    r.description.trim() || '(no description)',
  ];
  const timeline = [
    ...r.comments.map((c) => ({
      at: c.createdAt,
      text: `${c.author.username}${c.byKeeper ? ' (Keeper)' : ''}:\n${indent(c.body)}`,
    })),
    ...r.events
      .filter((e) => e.kind === 'moved' || e.kind === 'assigned' || e.kind === 'escalated')
      .map((e) => ({
        at: e.at,
        text:
          e.kind === 'moved'
            ? `${e.actor?.username ?? 'plinth'} moved it to ${STATE_LABELS[e.toState as RequestState] ?? e.toState}`
            : e.kind === 'assigned'
              ? `${e.actor?.username ?? 'plinth'} assigned it to ${String(e.details.assignee)}`
              : `escalated: ${String(e.details.target)} overdue`,
      })),
  ].sort((a, b) => a.at.localeCompare(b.at));
  for (const entry of timeline) lines.push('', `[${entry.at}] ${entry.text}`);
  for (const a of r.attachments) lines.push('', `attachment: ${a.filename} (${a.size} bytes) ${a.url}`);
  if (r.allowedTransitions.length) lines.push('', `You may move it to: ${r.allowedTransitions.join(', ')}`);
  return lines.join('\n');
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((l) => `    ${l}`)
    .join('\n');
}
