import { Type } from 'typebox';

const Nullable = <T extends Type.TSchema>(t: T) => Type.Union([t, Type.Null()]);

export const HealthView = Type.Object({
  status: Type.Union([
    Type.Literal('operational'),
    Type.Literal('degraded'),
    Type.Literal('down'),
    Type.Literal('disabled'),
  ]),
  message: Type.String(),
  checkedAt: Type.String(),
  latencyMs: Type.Number(),
});

export const Snippets = Type.Object({
  browser: Type.String(),
  curl: Type.String(),
  python: Type.String(),
  cli: Type.String(),
});

export const ServiceView = Type.Object({
  id: Type.String(),
  title: Type.String(),
  description: Type.String(),
  entityRef: Type.String({ description: 'The catalog entity that describes the service' }),
  inCatalog: Type.Boolean(),
  owner: Nullable(Type.String()),
  lifecycle: Nullable(Type.String()),
  docsUrl: Nullable(Type.String()),
  apiUrl: Type.String({ description: 'Where the API of the service is documented' }),
  portalPath: Type.String({ description: 'The page of the service in the portal' }),
  health: HealthView,
  snippets: Snippets,
});
export type ServiceView = Type.Static<typeof ServiceView>;

export const ServiceList = Type.Object({ items: Type.Array(ServiceView) });
