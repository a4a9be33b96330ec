import type { Health } from './health.js';
import type { ServiceView } from './schemas.js';
import { SERVICE_SNIPPETS, type SnippetContext } from './snippets.js';

/** What the catalog says about a service's entity, when it is there. */
export interface ServiceEntity {
  title: string | null;
  description: string | null;
  owner: string | null;
  lifecycle: string | null;
  links: { url: string; title?: string; icon?: string }[];
}

interface TurnkeyService {
  id: string;
  title: string;
  description: string;
  entityRef: string;
  apiUrl: string;
  portalPath: string;
}

/** The always-on services this build ships; their catalog entities live in the platform repo. */
export const TURNKEY_SERVICES: TurnkeyService[] = [
  {
    id: 'ids',
    title: 'ID generator',
    description:
      'Unique, time-ordered 64-bit snowflake ids, UUID v4 and v7 and ULIDs, in batches; decode a snowflake into its time, worker and sequence.',
    entityRef: 'component:default/plinth-ids',
    apiUrl: '/api/docs#/ids',
    portalPath: '/services/ids',
  },
  {
    id: 'credentials',
    title: 'Credentials generator',
    description:
      'Passwords and passphrases, random secrets, API keys with a checksum, SSH key pairs and self-signed TLS certificates, made from the operating system’s secure random source and shown once.',
    entityRef: 'component:default/plinth-credentials',
    apiUrl: '/api/docs#/credentials',
    portalPath: '/services/credentials',
  },
  {
    id: 'vault',
    title: 'Team vault',
    description:
      'Secrets your team shares, encrypted at rest, revealed only to members after they confirm their password, with expiry reminders and every read in the audit log.',
    entityRef: 'component:default/plinth-vault',
    apiUrl: '/api/docs#/secrets',
    portalPath: '/services/vault',
  },
];

/** One service as a person sees it: catalog facts, live health and snippets made for them. */
export function serviceView(
  service: TurnkeyService,
  entity: ServiceEntity | null,
  health: Health | undefined,
  ctx: SnippetContext,
): ServiceView {
  const docs = entity?.links.find((l) => l.icon === 'docs') ?? null;
  const snippets = SERVICE_SNIPPETS[service.id];
  return {
    id: service.id,
    title: entity?.title ?? service.title,
    description: entity?.description ?? service.description,
    entityRef: service.entityRef,
    inCatalog: entity !== null,
    owner: entity?.owner ?? null,
    lifecycle: entity?.lifecycle ?? null,
    docsUrl: docs?.url ?? null,
    apiUrl: `${ctx.baseUrl}${service.apiUrl}`,
    portalPath: service.portalPath,
    health: health ?? {
      status: 'down',
      message: 'not checked yet',
      checkedAt: new Date().toISOString(),
      latencyMs: 0,
    },
    snippets: snippets ? snippets(ctx) : { browser: '', curl: '', python: '', cli: '' },
  };
}
