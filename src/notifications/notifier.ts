/**
 * What a domain hands to the notifications module when someone should hear about something.
 * Channels (in-app, e-mail, webhooks) and each person's choices are the notifications module's
 * business; a domain only says who, about what, and where to look.
 */
export interface Notice {
  /** User ids of the people to tell; the actor is dropped from this list (nobody is told of their own act). */
  recipients: string[];
  /** Stable dotted name people choose channels by, e.g. `request.commented`, `request.overdue`. */
  topic: string;
  /** One line, plain text, e.g. "Keeper Ada answered your request #12". */
  title: string;
  /** A few lines of plain text (no Markdown, no HTML), safe to put in an e-mail or chat message. */
  body: string;
  /** Portal path the notice opens, e.g. `/requests/01J...`. */
  link?: string;
  /** Who caused it, when a person did; null for the platform itself (timers, sync). */
  actorId?: string | null;
  /**
   * True when the notice is about something addressed to each recipient personally (an answer on
   * their own request, an assignment): people get those by e-mail too unless they opt out.
   */
  personal?: boolean;
}

/** The one call domains use; the notifications module implements it. */
export interface Notifier {
  notify(notice: Notice): Promise<void>;
}
