import { Type } from 'typebox';

/** One kind of request teams may file, with the response targets the Keepers commit to. */
export const CategoryConfig = Type.Object(
  {
    name: Type.String({ pattern: '^[a-z][a-z0-9-]{0,39}$', description: 'Stable key, e.g. `access`' }),
    title: Type.String({ minLength: 1, maxLength: 80 }),
    description: Type.String({ default: '', maxLength: 300 }),
    firstResponseHours: Type.Number({ exclusiveMinimum: 0, maximum: 8760 }),
    resolutionHours: Type.Number({ exclusiveMinimum: 0, maximum: 8760 }),
  },
  { additionalProperties: false },
);
export type CategoryConfig = Type.Static<typeof CategoryConfig>;

export const DEFAULT_CATEGORIES: CategoryConfig[] = [
  {
    name: 'help',
    title: 'Help',
    description: 'A question, or you are stuck on something the platform offers',
    firstResponseHours: 4,
    resolutionHours: 24,
  },
  {
    name: 'access',
    title: 'Access',
    description: 'Access to a system, a dataset, a team or a cluster partition',
    firstResponseHours: 4,
    resolutionHours: 24,
  },
  {
    name: 'new-template',
    title: 'New template',
    description: 'A template for a kind of project the platform does not offer yet',
    firstResponseHours: 24,
    resolutionHours: 240,
  },
  {
    name: 'bug',
    title: 'Bug',
    description: 'Something on the platform is broken or wrong',
    firstResponseHours: 8,
    resolutionHours: 72,
  },
  {
    name: 'new-technology',
    title: 'New technology',
    description:
      'A tool, library or service you would like the platform to adopt (may link a radar proposal)',
    firstResponseHours: 24,
    resolutionHours: 336,
  },
  {
    name: 'other',
    title: 'Other',
    description: 'Anything else for the Keepers',
    firstResponseHours: 24,
    resolutionHours: 120,
  },
];

/** The `requests` section of the config: categories, response targets, escalation, attachments. */
export const RequestsConfigSchema = Type.Object(
  {
    categories: Type.Array(CategoryConfig, {
      default: DEFAULT_CATEGORIES,
      minItems: 1,
      description:
        'Kinds of request with their response targets in hours (JSON list in the environment variable)',
    }),
    urgencyFactors: Type.Object(
      {
        low: Type.Number({
          default: 1.5,
          exclusiveMinimum: 0,
          maximum: 10,
          description: 'Targets × this for low urgency',
        }),
        normal: Type.Number({
          default: 1,
          exclusiveMinimum: 0,
          maximum: 10,
          description: 'Targets × this for normal urgency',
        }),
        high: Type.Number({
          default: 0.5,
          exclusiveMinimum: 0,
          maximum: 10,
          description: 'Targets × this for high urgency',
        }),
        critical: Type.Number({
          default: 0.25,
          exclusiveMinimum: 0,
          maximum: 10,
          description: 'Targets × this for critical urgency',
        }),
      },
      { default: {}, additionalProperties: false },
    ),
    escalationIntervalSeconds: Type.Integer({
      default: 300,
      minimum: 5,
      maximum: 86_400,
      description: 'How often overdue requests are looked for and escalated to the Keepers',
    }),
    filesPerMinute: Type.Integer({
      default: 10,
      minimum: 1,
      description: 'Requests one person may file per minute',
    }),
    attachments: Type.Object(
      {
        maxBytes: Type.Integer({
          default: 5_242_880,
          minimum: 1024,
          maximum: 52_428_800,
          description: 'Largest attachment',
        }),
        maxPerRequest: Type.Integer({
          default: 20,
          minimum: 1,
          maximum: 200,
          description: 'Most attachments on one request',
        }),
        uploadsPerMinute: Type.Integer({
          default: 20,
          minimum: 1,
          description: 'Attachments one person may upload per minute',
        }),
      },
      { default: {}, additionalProperties: false },
    ),
  },
  { default: {}, additionalProperties: false },
);
export type RequestsConfig = Type.Static<typeof RequestsConfigSchema>;
