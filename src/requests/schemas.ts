import { Type } from 'typebox';
import { REQUEST_STATES } from './states.js';
import { URGENCIES } from './targets.js';

const Nullable = <T extends Type.TSchema>(t: T) => Type.Union([t, Type.Null()]);

export const RequestStateSchema = Type.Union([
  Type.Literal('new'),
  Type.Literal('triaged'),
  Type.Literal('in_progress'),
  Type.Literal('waiting'),
  Type.Literal('done'),
  Type.Literal('declined'),
  Type.Literal('withdrawn'),
]);
export const UrgencySchema = Type.Union([
  Type.Literal('low'),
  Type.Literal('normal'),
  Type.Literal('high'),
  Type.Literal('critical'),
]);
// The schemas above and the lists the rules use must name the same values.
const _states: Type.Static<typeof RequestStateSchema>[] = [...REQUEST_STATES];
const _urgencies: Type.Static<typeof UrgencySchema>[] = [...URGENCIES];
void _states;
void _urgencies;

export const PersonRef = Type.Object({
  id: Type.String(),
  username: Type.String(),
  displayName: Type.String(),
});
export type PersonRef = Type.Static<typeof PersonRef>;

export const RequestContext = Type.Object({
  path: Nullable(Type.String({ description: 'The portal page the request was filed from' })),
  entity: Nullable(Type.String({ description: 'The catalog entity of that page, `kind:namespace/name`' })),
  step: Nullable(Type.String({ description: 'A guide step, `page#step`' })),
});

export const NewRequestBody = Type.Object(
  {
    title: Type.String({ minLength: 3, maxLength: 200 }),
    description: Type.String({ maxLength: 20_000, default: '', description: 'Markdown' }),
    category: Type.String({ minLength: 1, maxLength: 40 }),
    urgency: Type.Optional(UrgencySchema),
    team: Type.Optional(
      Type.String({ maxLength: 100, description: 'Needed when you belong to several teams' }),
    ),
    context: Type.Optional(
      Type.Object(
        {
          path: Type.Optional(Type.String({ maxLength: 1000, pattern: '^/' })),
          entity: Type.Optional(
            Type.String({ maxLength: 300, pattern: '^[a-zA-Z0-9_-]+:[^/\\s]+/[^\\s]+$' }),
          ),
          step: Type.Optional(Type.String({ maxLength: 500 })),
        },
        { additionalProperties: false },
      ),
    ),
    proposalId: Type.Optional(
      Type.String({
        maxLength: 64,
        pattern: '^[A-Za-z0-9_-]+$',
        description: 'A radar proposal (id or number)',
      }),
    ),
  },
  { additionalProperties: false },
);
export type NewRequestBody = Type.Static<typeof NewRequestBody>;

export const Overdue = Type.Object({ firstResponse: Type.Boolean(), resolution: Type.Boolean() });

export const RequestSummary = Type.Object({
  id: Type.String(),
  number: Type.Integer(),
  title: Type.String(),
  category: Type.String(),
  categoryTitle: Type.String(),
  urgency: UrgencySchema,
  state: RequestStateSchema,
  team: Nullable(Type.String()),
  requester: PersonRef,
  assignee: Nullable(PersonRef),
  context: RequestContext,
  proposalId: Nullable(Type.String()),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  firstResponseDueAt: Type.String(),
  resolutionDueAt: Type.String(),
  firstResponseAt: Nullable(Type.String()),
  closedAt: Nullable(Type.String()),
  overdue: Overdue,
});
export type RequestSummary = Type.Static<typeof RequestSummary>;

export const AttachmentView = Type.Object({
  id: Type.String(),
  commentId: Nullable(Type.String()),
  filename: Type.String(),
  contentType: Type.String(),
  size: Type.Integer(),
  uploadedBy: PersonRef,
  createdAt: Type.String(),
  url: Type.String(),
});
export type AttachmentView = Type.Static<typeof AttachmentView>;

export const CommentView = Type.Object({
  id: Type.String(),
  author: PersonRef,
  byKeeper: Type.Boolean(),
  body: Type.String(),
  bodyHtml: Type.String({ description: 'The Markdown body, rendered and sanitized' }),
  createdAt: Type.String(),
});
export type CommentView = Type.Static<typeof CommentView>;

export const EventView = Type.Object({
  id: Type.String(),
  kind: Type.String({ description: 'filed, moved, assigned, commented, attached, escalated' }),
  actor: Nullable(PersonRef),
  fromState: Nullable(RequestStateSchema),
  toState: Nullable(RequestStateSchema),
  details: Type.Record(Type.String(), Type.Unknown()),
  at: Type.String(),
});
export type EventView = Type.Static<typeof EventView>;

export const RequestDetail = Type.Intersect([
  RequestSummary,
  Type.Object({
    description: Type.String(),
    descriptionHtml: Type.String(),
    declineReason: Nullable(Type.String()),
    withdrawReason: Nullable(Type.String()),
    hasReply: Type.Boolean({ description: 'A Keeper has answered: closing as done is possible' }),
    comments: Type.Array(CommentView),
    events: Type.Array(EventView),
    attachments: Type.Array(AttachmentView),
    allowedTransitions: Type.Array(RequestStateSchema, { description: 'Where the caller may move it now' }),
    canReassign: Type.Boolean(),
  }),
]);
export type RequestDetail = Type.Static<typeof RequestDetail>;

export const RequestListQuery = Type.Object({
  scope: Type.Optional(Type.Union([Type.Literal('mine'), Type.Literal('team'), Type.Literal('all')])),
  state: Type.Optional(
    Type.String({ maxLength: 100, description: 'A state, several comma-separated, or `open`' }),
  ),
  category: Type.Optional(Type.String({ maxLength: 40 })),
  overdue: Type.Optional(Type.Boolean()),
  assignee: Type.Optional(Type.String({ maxLength: 100, description: 'A username, or `me`' })),
  q: Type.Optional(Type.String({ maxLength: 200 })),
  cursor: Type.Optional(Type.String({ maxLength: 200 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
});
export type RequestListQuery = Type.Static<typeof RequestListQuery>;

export const RequestPage = Type.Object({
  items: Type.Array(RequestSummary),
  nextCursor: Nullable(Type.String()),
});

export const CommentBody = Type.Object(
  { body: Type.String({ minLength: 1, maxLength: 20_000, description: 'Markdown; `@username` notifies' }) },
  { additionalProperties: false },
);

export const TransitionBody = Type.Object(
  {
    to: RequestStateSchema,
    reason: Type.Optional(Type.String({ maxLength: 5000 })),
    assignee: Type.Optional(
      Type.String({ maxLength: 100, description: 'Username of the Keeper who takes it' }),
    ),
  },
  { additionalProperties: false },
);
export type TransitionBody = Type.Static<typeof TransitionBody>;

export const RequestParams = Type.Object({ id: Type.String({ maxLength: 64 }) });
export const AttachmentParams = Type.Object({
  id: Type.String({ maxLength: 64 }),
  attachmentId: Type.String({ maxLength: 64 }),
});
export const UploadQuery = Type.Object({
  filename: Type.String({ minLength: 1, maxLength: 255 }),
  commentId: Type.Optional(Type.String({ maxLength: 64 })),
});

export const CategoryView = Type.Object({
  name: Type.String(),
  title: Type.String(),
  description: Type.String(),
  firstResponseHours: Type.Number(),
  resolutionHours: Type.Number(),
});
export const RequestOptions = Type.Object({
  categories: Type.Array(CategoryView),
  urgencyFactors: Type.Record(Type.String(), Type.Number()),
  teams: Type.Array(Type.String(), { description: 'Teams the caller may file for' }),
  keepers: Type.Array(PersonRef, { description: 'Who requests can be assigned to' }),
  maxAttachmentBytes: Type.Integer(),
});

const Median = Nullable(Type.Number({ description: 'Hours; null when nothing to measure' }));
export const Dashboard = Type.Object({
  periodDays: Type.Integer(),
  byState: Type.Record(Type.String(), Type.Integer()),
  byCategory: Type.Record(Type.String(), Type.Integer()),
  medianFirstResponseHours: Median,
  medianResolutionHours: Median,
  measured: Type.Object({ firstResponses: Type.Integer(), resolutions: Type.Integer() }),
  overdueFirstResponse: Type.Array(RequestSummary),
  overdueResolution: Type.Array(RequestSummary),
  oldestOpen: Type.Array(RequestSummary),
});
export type Dashboard = Type.Static<typeof Dashboard>;
export const DashboardQuery = Type.Object({
  days: Type.Optional(Type.Integer({ minimum: 1, maximum: 3650, default: 30 })),
});
