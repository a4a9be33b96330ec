import type { Actor, AuditLog } from '../../auth/index.js';
import { generateCharacterPassword, generatePassphrase } from './password.js';
import { generateApiKey, generateRandomSecret } from './random-secret.js';
import type {
  ApiKeyBody,
  CredentialType,
  PasswordBody,
  RandomSecretBody,
  SshKeyBody,
  TlsCertificateBody,
} from './schemas.js';
import { generateSshKey } from './ssh-key.js';
import { generateTlsCertificate } from './tls-certificate.js';

/**
 * Generates credentials from the OS CSPRNG. Nothing generated is stored or logged: the audit
 * log records only that a credential of a type was generated, and by whom.
 */
export class CredentialService {
  constructor(private readonly audit: AuditLog) {}

  private async record(actor: Actor, type: CredentialType) {
    await this.audit.record(actor, { action: 'credentials.generate', target: type, details: { type } });
  }

  async password(actor: Actor, body: PasswordBody) {
    const generated =
      body.mode === 'passphrase'
        ? generatePassphrase({
            words: body.words ?? 6,
            separator: body.separator ?? '-',
            capitalize: body.capitalize ?? false,
          })
        : generateCharacterPassword({
            length: body.length ?? 20,
            classes: body.classes ?? ['lower', 'upper', 'digits', 'symbols'],
            excludeLookalikes: body.excludeLookalikes ?? true,
            requireEachClass: body.requireEachClass ?? true,
          });
    await this.record(actor, 'password');
    return { type: 'password' as const, mode: body.mode ?? 'characters', ...generated };
  }

  async secret(actor: Actor, body: RandomSecretBody) {
    const encoding = body.encoding ?? 'base64url';
    const generated = generateRandomSecret(body.bytes ?? 32, encoding);
    await this.record(actor, 'secret');
    return { type: 'secret' as const, encoding, ...generated };
  }

  async apiKey(actor: Actor, body: ApiKeyBody) {
    const generated = generateApiKey(body.prefix ?? 'key');
    await this.record(actor, 'api-key');
    return { type: 'api-key' as const, ...generated };
  }

  async sshKey(actor: Actor, body: SshKeyBody) {
    const algorithm = body.algorithm ?? 'ed25519';
    const comment = body.comment ?? `${actor.username ?? 'plinth'}@plinth`;
    const generated = await generateSshKey({ algorithm, comment, passphrase: body.passphrase });
    await this.record(actor, 'ssh-key');
    return { type: 'ssh-key' as const, algorithm, encrypted: Boolean(body.passphrase), ...generated };
  }

  async tlsCertificate(actor: Actor, body: TlsCertificateBody) {
    const generated = await generateTlsCertificate({
      commonName: body.commonName ?? 'localhost',
      altNames: body.altNames ?? ['localhost', '127.0.0.1', '::1'],
      validityDays: body.validityDays ?? 90,
      algorithm: body.algorithm ?? 'ecdsa-p256',
    });
    await this.record(actor, 'tls-certificate');
    return { type: 'tls-certificate' as const, ...generated };
  }
}
