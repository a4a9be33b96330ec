/**
 * The life of a request as a pure state machine: which moves exist, who may make them, and what
 * must be true first. No I/O here, so the rules can be tested exhaustively and property-tested.
 */

export const REQUEST_STATES = [
  'new',
  'triaged',
  'in_progress',
  'waiting',
  'done',
  'declined',
  'withdrawn',
] as const;
export type RequestState = (typeof REQUEST_STATES)[number];

export const FINAL_STATES: readonly RequestState[] = ['done', 'declined', 'withdrawn'];
export const OPEN_STATES: readonly RequestState[] = ['new', 'triaged', 'in_progress', 'waiting'];

/** How each state reads in messages, the CLI and the portal. */
export const STATE_LABELS: Record<RequestState, string> = {
  new: 'new',
  triaged: 'triaged',
  in_progress: 'in progress',
  waiting: 'waiting for requester',
  done: 'done',
  declined: 'declined',
  withdrawn: 'withdrawn',
};

/** The facts about a request that the rules read. */
export interface RequestSnapshot {
  state: RequestState;
  assigneeId: string | null;
  /** A Keeper has written to the requester since filing (a comment), or a decline reason exists. */
  hasReply: boolean;
  declineReason: string | null;
  withdrawReason: string | null;
}

/** Who asks for a move, as far as the rules care. */
export interface TransitionActor {
  isKeeper: boolean;
  /** The person who filed the request. */
  isRequester: boolean;
}

export interface TransitionInput {
  to: RequestState;
  reason?: string;
  /** User id of a Keeper; checked to be one by the service before the rules run. */
  assignee?: string;
}

type Who = 'keeper' | 'requester';

interface Move {
  from: readonly RequestState[];
  to: RequestState;
  who: readonly Who[];
  /** A verb for messages and buttons. */
  verb: string;
}

/** Every move there is. A move to the same state with a new assignee is a reassignment. */
export const MOVES: readonly Move[] = [
  { from: ['new'], to: 'triaged', who: ['keeper'], verb: 'triage' },
  { from: ['triaged', 'in_progress', 'waiting'], to: 'triaged', who: ['keeper'], verb: 'reassign' },
  { from: ['triaged', 'waiting'], to: 'in_progress', who: ['keeper'], verb: 'start' },
  // The requester answering a question puts the request back in the Keepers' hands.
  { from: ['waiting'], to: 'in_progress', who: ['requester'], verb: 'answer' },
  { from: ['in_progress'], to: 'in_progress', who: ['keeper'], verb: 'reassign' },
  { from: ['triaged', 'in_progress'], to: 'waiting', who: ['keeper'], verb: 'wait for requester' },
  { from: ['waiting'], to: 'waiting', who: ['keeper'], verb: 'reassign' },
  { from: ['triaged', 'in_progress', 'waiting'], to: 'done', who: ['keeper'], verb: 'close as done' },
  { from: OPEN_STATES, to: 'declined', who: ['keeper'], verb: 'decline' },
  { from: OPEN_STATES, to: 'withdrawn', who: ['requester'], verb: 'withdraw' },
];

export type Decision =
  | { ok: true; next: RequestSnapshot; verb: string }
  | { ok: false; code: 'REQUEST_TRANSITION_NOT_ALLOWED'; message: string };

const label = (s: RequestState) => `'${STATE_LABELS[s]}'`;

function roles(actor: TransitionActor): Who[] {
  return [
    ...(actor.isKeeper ? (['keeper'] as const) : []),
    ...(actor.isRequester ? (['requester'] as const) : []),
  ];
}

/** The moves `actor` may try from `state` (preconditions aside), for buttons and messages. */
export function movesFrom(state: RequestState, actor: TransitionActor): Move[] {
  const mine = roles(actor);
  return MOVES.filter((m) => m.from.includes(state) && m.who.some((w) => mine.includes(w)));
}

/** The targets `actor` may move a request to now, preconditions included (without new input). */
export function possibleTargets(snapshot: RequestSnapshot, actor: TransitionActor): RequestState[] {
  const targets = movesFrom(snapshot.state, actor)
    .filter((m) => m.to !== snapshot.state)
    .map((m) => m.to);
  return [...new Set(targets)];
}

function refuse(message: string): Decision {
  return { ok: false, code: 'REQUEST_TRANSITION_NOT_ALLOWED', message };
}

function whatIsPossible(snapshot: RequestSnapshot, actor: TransitionActor): string {
  const targets = possibleTargets(snapshot, actor);
  if (FINAL_STATES.includes(snapshot.state))
    return 'A closed request stays closed; file a new one to ask again.';
  return targets.length
    ? `From ${label(snapshot.state)} you may move it to ${targets.map(label).join(', ')}.`
    : `From ${label(snapshot.state)} only ${snapshot.state === 'waiting' ? 'the requester or ' : ''}the Keepers may move it.`;
}

function checkPreconditions(s: RequestSnapshot, to: RequestState, input: TransitionInput): string | null {
  const assignee = input.assignee ?? s.assigneeId;
  if (['triaged', 'in_progress', 'waiting', 'done'].includes(to) && !assignee) {
    return `Moving it to ${label(to)} needs an assignee: give 'assignee', the Keeper who takes it.`;
  }
  if (to === 'declined' && !input.reason?.trim()) {
    return "Declining needs a reason the requester will read: give 'reason'.";
  }
  if (to === 'done' && !s.hasReply) {
    return 'Closing it as done needs a reply to the requester first: add a comment saying what was done.';
  }
  if (to === s.state && (!input.assignee || input.assignee === s.assigneeId)) {
    return `It is already ${label(to)}; to reassign it, give a different 'assignee'.`;
  }
  return null;
}

/**
 * Decides a move. A refusal names the states and says what is possible; an accepted move gives the
 * request's next facts. The input snapshot is never changed.
 */
export function decide(snapshot: RequestSnapshot, input: TransitionInput, actor: TransitionActor): Decision {
  const mine = roles(actor);
  const candidates = MOVES.filter((m) => m.from.includes(snapshot.state) && m.to === input.to);
  const move = candidates.find((m) => m.who.some((w) => mine.includes(w)));
  if (!move) {
    const whose = candidates.length
      ? ` Only ${candidates.flatMap((m) => m.who).map((w) => (w === 'keeper' ? 'a Keeper' : 'the requester'))[0]} may do that.`
      : '';
    return refuse(
      `A request cannot go from ${label(snapshot.state)} to ${label(input.to)}.${whose} ${whatIsPossible(snapshot, actor)}`,
    );
  }
  const problem = checkPreconditions(snapshot, input.to, input);
  if (problem) return refuse(`${problem} (${label(snapshot.state)} → ${label(input.to)})`);
  const reason = input.reason?.trim() || null;
  const next: RequestSnapshot = {
    ...snapshot,
    state: input.to,
    assigneeId: (move.who.includes('keeper') && input.assignee) || snapshot.assigneeId,
    hasReply: snapshot.hasReply || input.to === 'declined',
    declineReason: input.to === 'declined' ? reason : snapshot.declineReason,
    withdrawReason: input.to === 'withdrawn' ? reason : snapshot.withdrawReason,
  };
  return { ok: true, next, verb: move.verb };
}

/** What must hold of every request, whatever happened to it; the property test checks it. */
export function invariantViolations(s: RequestSnapshot): string[] {
  const problems: string[] = [];
  if (!REQUEST_STATES.includes(s.state)) problems.push(`unknown state ${s.state}`);
  if (['triaged', 'in_progress', 'waiting', 'done'].includes(s.state) && !s.assigneeId)
    problems.push(`${s.state} without an assignee`);
  if (s.state === 'declined' && !s.declineReason) problems.push('declined without a reason');
  if (s.state === 'done' && !s.hasReply) problems.push('done without a reply');
  return problems;
}
