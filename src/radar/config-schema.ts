import { Type } from 'typebox';

/** The quadrants a radar has when `radar.quadrants` is not set, in the order they are drawn. */
export const DEFAULT_QUADRANTS = [
  {
    id: 'languages-frameworks',
    title: 'Languages & frameworks',
    description: 'Programming languages and the libraries and frameworks written in them',
  },
  {
    id: 'tools',
    title: 'Tools',
    description: 'Software that people and pipelines run: editors, CLIs, services',
  },
  {
    id: 'platforms',
    title: 'Platforms',
    description: 'Where things run and are stored: clusters, clouds, databases, schedulers',
  },
  {
    id: 'techniques',
    title: 'Techniques',
    description: 'Ways of working: methods, practices and processes',
  },
];

const Quadrant = Type.Object(
  {
    id: Type.String({ pattern: '^[a-z][a-z0-9-]{0,62}$', description: 'What spec.quadrant says' }),
    title: Type.String({ minLength: 1 }),
    description: Type.String({ default: '' }),
  },
  { additionalProperties: false },
);

/** The `radar` section of the config: quadrants, what "recent" means, and how proposals are decided. */
export const RadarConfigSchema = Type.Object(
  {
    quadrants: Type.Array(Quadrant, {
      default: DEFAULT_QUADRANTS,
      minItems: 1,
      maxItems: 8,
      description: 'The quadrants of the radar, in drawing order (JSON list in the environment variable)',
    }),
    recentDays: Type.Integer({
      default: 180,
      minimum: 1,
      maximum: 3650,
      description: 'A technology whose last move is this recent is marked new or moved',
    }),
    decisionRule: Type.Enum(['unanimous-keepers', 'keeper-majority'], {
      default: 'unanimous-keepers',
      description: 'When a Keeper may accept a proposal',
    }),
    minKeeperVotes: Type.Integer({
      default: 1,
      minimum: 1,
      maximum: 50,
      description: 'Keeper approvals a proposal needs before it may be accepted',
    }),
    representatives: Type.Record(Type.String(), Type.Array(Type.String()), {
      default: {},
      description:
        'Team name → usernames who vote for that team; a team not listed is represented by any of its members (JSON in the environment variable)',
    }),
    proposalsPerHour: Type.Integer({
      default: 20,
      minimum: 1,
      description: 'Proposals one person may open per hour',
    }),
  },
  { default: {}, additionalProperties: false },
);

export type RadarConfig = Type.Static<typeof RadarConfigSchema>;
