import { Type } from 'typebox';

/** The `server` section of the config: what the server shows without sign-in, and when it says it is not ready. */
export const ServerConfigSchema = Type.Object(
  {
    publicMetrics: Type.Boolean({
      default: true,
      description:
        'GET /metrics answers anyone; false: only Keepers (session or token) and callers with server.metricsToken',
    }),
    metricsToken: Type.Optional(
      Type.String({
        minLength: 32,
        secret: true,
        description:
          'Bearer token for Prometheus when publicMetrics is false; it opens /metrics and nothing else',
      }),
    ),
    publicApiDocs: Type.Boolean({
      default: true,
      description:
        'The API documentation (/api/docs and its OpenAPI document) for anyone; false: signed-in people only',
    }),
    minFreeDiskMb: Type.Integer({
      default: 64,
      minimum: 0,
      description: 'GET /readyz reports not ready while the data folder has less free space than this',
    }),
  },
  { default: {}, additionalProperties: false },
);

export type ServerConfig = Type.Static<typeof ServerConfigSchema>;
