import { Type } from 'typebox';

/** The `scaffolder` section of the config: templates, tasks and where new repositories go. */
export const ScaffolderConfigSchema = Type.Object(
  {
    templatesPath: Type.String({
      default: 'templates',
      description:
        'Folder of the platform repo that holds the templates (one folder each: template.yaml + skeleton/)',
    }),
    requiredChecks: Type.Array(Type.String({ pattern: '^[a-z][a-z0-9-]*$' }), {
      default: ['no-secrets'],
      description:
        'Policy checks every template must pass before it publishes anything, whatever the template says',
    }),
    concurrentTasks: Type.Integer({
      default: 4,
      minimum: 1,
      maximum: 64,
      description: 'Tasks that run at the same time on this server; more wait in a queue',
    }),
    tasksPerMinute: Type.Integer({
      default: 120,
      minimum: 1,
      description: 'Tasks a client address may start per minute',
    }),
    dryRunsPerMinute: Type.Integer({
      default: 300,
      minimum: 1,
      description: 'Dry runs a client address may ask for per minute',
    }),
    renderTimeoutMs: Type.Integer({
      default: 20_000,
      minimum: 100,
      description: 'Longest a template:render step may take in all',
    }),
    fileRenderTimeoutMs: Type.Integer({
      default: 2_000,
      minimum: 10,
      description: 'Longest one file (or one file name) may take to render',
    }),
    maxOutputFiles: Type.Integer({
      default: 5_000,
      minimum: 1,
      description: 'Most files a template may produce',
    }),
    maxOutputBytes: Type.Integer({
      default: 50 * 1024 * 1024,
      minimum: 1024,
      description: 'Most bytes a template may produce in all',
    }),
    remotes: Type.Record(
      Type.String({ pattern: '^[a-z][a-z0-9-]*$' }),
      Type.Object(
        {
          url: Type.String({
            minLength: 1,
            description: 'Base git URL; a repository is pushed to <url>/<repo>.git',
          }),
          webUrl: Type.Optional(
            Type.String({ description: 'Where people browse the repositories: <webUrl>/<repo>' }),
          ),
          username: Type.Optional(Type.String()),
          token: Type.Optional(Type.String({ description: 'Access token used for pushes; never logged' })),
        },
        { additionalProperties: false },
      ),
      {
        default: {},
        secret: true,
        description:
          'Git remotes templates may push new repositories to (git:push), by name (JSON in the environment variable)',
      },
    ),
  },
  { default: {}, additionalProperties: false },
);
