import type { Logger } from '../core/logger.js';
import type { Notice, Notifier } from '../notifications/notifier.js';
import { type RequestState, STATE_LABELS } from './states.js';
import type { RequestsTable } from './tables.js';

const link = (row: RequestsTable) => `/requests/${row.id}`;
const ref = (row: RequestsTable) => `#${row.number} “${row.title}”`;

/** Every notice the request loop sends, in words people read; topics are `request.*`. */
export class RequestNotices {
  constructor(
    private readonly notifier: Notifier,
    private readonly logger: Logger,
  ) {}

  /** Sends without failing the change it tells of: the request is stored whatever the channels do. */
  private async send(notice: Notice): Promise<void> {
    const recipients = [...new Set(notice.recipients)].filter((r) => r !== notice.actorId);
    if (recipients.length === 0) return;
    try {
      await this.notifier.notify({ ...notice, recipients });
    } catch (error) {
      this.logger.warn({ err: error, topic: notice.topic }, 'Requests: a notice could not be sent');
    }
  }

  filed(row: RequestsTable, keepers: string[], requester: string, categoryTitle: string) {
    return this.send({
      recipients: keepers,
      topic: 'request.created',
      title: `New request ${ref(row)} from ${requester}`,
      body: `${categoryTitle}, urgency ${row.urgency}${row.team ? `, team ${row.team}` : ''}.\nFirst response due ${row.first_response_due_at}.`,
      link: link(row),
      actorId: row.requester_id,
    });
  }

  assigned(row: RequestsTable, assigneeName: string, actorId: string) {
    return this.send({
      recipients: [row.requester_id, row.assignee_id ?? ''].filter(Boolean),
      topic: 'request.assigned',
      personal: true,
      title: `Request ${ref(row)} is assigned to ${assigneeName}`,
      body: `${assigneeName} takes care of it; the request is ${STATE_LABELS[row.state as RequestState]}.`,
      link: link(row),
      actorId,
    });
  }

  moved(row: RequestsTable, from: RequestState, actorName: string, actorId: string, byKeeper: boolean) {
    const to = row.state as RequestState;
    const reason =
      to === 'declined'
        ? `\nReason: ${row.decline_reason}`
        : to === 'withdrawn' && row.withdraw_reason
          ? `\nReason: ${row.withdraw_reason}`
          : '';
    return this.send({
      // A Keeper's move is news for the requester; the requester's (answer, withdraw) for the assignee.
      recipients: byKeeper ? [row.requester_id] : [row.assignee_id ?? ''].filter(Boolean),
      topic: 'request.state-changed',
      personal: true,
      title: `Request ${ref(row)} is now ${STATE_LABELS[to]}`,
      body: `${actorName} moved it from ${STATE_LABELS[from]} to ${STATE_LABELS[to]}.${reason}`,
      link: link(row),
      actorId,
    });
  }

  commented(row: RequestsTable, recipients: string[], authorName: string, authorId: string, excerpt: string) {
    return this.send({
      recipients,
      topic: 'request.commented',
      personal: true,
      title: `${authorName} commented on request ${ref(row)}`,
      body: excerpt,
      link: link(row),
      actorId: authorId,
    });
  }

  mentioned(row: RequestsTable, recipients: string[], authorName: string, authorId: string, excerpt: string) {
    return this.send({
      recipients,
      topic: 'request.mentioned',
      personal: true,
      title: `${authorName} mentioned you on request ${ref(row)}`,
      body: excerpt,
      link: link(row),
      actorId: authorId,
    });
  }

  overdue(row: RequestsTable, keepers: string[], target: 'first-response' | 'resolution') {
    const what = target === 'first-response' ? 'first response' : 'resolution';
    const due = target === 'first-response' ? row.first_response_due_at : row.resolution_due_at;
    return this.send({
      recipients: keepers,
      topic: 'request.overdue',
      title: `Request ${ref(row)} is overdue for its ${what}`,
      body: `The ${what} was due ${due}. The request is ${STATE_LABELS[row.state as RequestState]}${row.team ? `, team ${row.team}` : ''}.`,
      link: link(row),
      actorId: null,
    });
  }
}

/** The first lines of a Markdown text as plain text for a notice body. */
export function excerpt(markdown: string, max = 280): string {
  const plain = markdown
    .replace(/```[\s\S]*?```/g, '[code]')
    .replace(/[*_`>#]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return plain.length > max ? `${plain.slice(0, max - 1)}…` : plain;
}
