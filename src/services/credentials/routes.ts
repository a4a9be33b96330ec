import type { FastifyReply } from 'fastify';
import { actorOf } from '../../auth/index.js';
import { errorResponses, type TypedApp } from '../../server/typed-app.js';
import { perUserLimit } from '../rate-limit.js';
import type { CredentialService } from './credential-service.js';
import {
  ApiKeyBody,
  GeneratedApiKey,
  GeneratedPassword,
  GeneratedSecret,
  GeneratedSshKey,
  GeneratedTlsCertificate,
  PasswordBody,
  RandomSecretBody,
  SshKeyBody,
  TlsCertificateBody,
} from './schemas.js';

/** A generated credential must not linger in any cache between here and the person. */
function noStore<T>(reply: FastifyReply, value: T): T {
  void reply.header('cache-control', 'no-store');
  return value;
}

/** The credentials generator over HTTP: one POST per type, each with its own parameters. */
export function credentialRoutes(
  app: TypedApp,
  credentials: CredentialService,
  generationsPerMinute: number,
) {
  const tags = ['credentials'];
  const config = {
    permission: 'credentials.generate' as const,
    rateLimit: perUserLimit(generationsPerMinute, 'credentials'),
  };
  const ok = (schema: object) => ({ 200: schema, ...errorResponses });

  app.post(
    '/api/credentials/password',
    {
      config,
      schema: {
        tags,
        summary: 'A password or a passphrase',
        body: PasswordBody,
        response: ok(GeneratedPassword),
      },
    },
    async (request, reply) =>
      noStore(reply, await credentials.password(actorOf(request.principal, request.ip), request.body)),
  );
  app.post(
    '/api/credentials/secret',
    {
      config,
      schema: {
        tags,
        summary: 'Random bytes, hex or base64',
        body: RandomSecretBody,
        response: ok(GeneratedSecret),
      },
    },
    async (request, reply) =>
      noStore(reply, await credentials.secret(actorOf(request.principal, request.ip), request.body)),
  );
  app.post(
    '/api/credentials/api-key',
    {
      config,
      schema: {
        tags,
        summary: 'An API key with a prefix and a checksum',
        body: ApiKeyBody,
        response: ok(GeneratedApiKey),
      },
    },
    async (request, reply) =>
      noStore(reply, await credentials.apiKey(actorOf(request.principal, request.ip), request.body)),
  );
  app.post(
    '/api/credentials/ssh-key',
    {
      config,
      schema: {
        tags,
        summary: 'An SSH key pair in OpenSSH format',
        body: SshKeyBody,
        response: ok(GeneratedSshKey),
      },
    },
    async (request, reply) =>
      noStore(reply, await credentials.sshKey(actorOf(request.principal, request.ip), request.body)),
  );
  app.post(
    '/api/credentials/tls-certificate',
    {
      config,
      schema: {
        tags,
        summary: 'A self-signed TLS certificate and its key, for local development',
        body: TlsCertificateBody,
        response: ok(GeneratedTlsCertificate),
      },
    },
    async (request, reply) =>
      noStore(reply, await credentials.tlsCertificate(actorOf(request.principal, request.ip), request.body)),
  );
}
