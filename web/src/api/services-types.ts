// The services contract, typed from the server's own TypeBox schemas (types only).
import type { Type } from 'typebox';
import type {
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
} from '../../../src/services/credentials/schemas.js';
import type { DecodedId, IdBatch } from '../../../src/services/ids/schemas.js';
import type { ServiceView } from '../../../src/services/schemas.js';
import type { RevealedSecret, SecretList, SecretMeta } from '../../../src/services/vault/schemas.js';

export type Service = ServiceView;
export type HealthStatus = Service['health']['status'];
export type IdType = 'snowflake' | 'uuid4' | 'uuid7' | 'ulid';
export type IdFormat = 'decimal' | 'base32' | 'base62';
export type IdBatchResult = Type.Static<typeof IdBatch>;
export type DecodedSnowflake = Type.Static<typeof DecodedId>;
export type Secret = SecretMeta;
export type SecretListResult = Type.Static<typeof SecretList>;
export type Revealed = Type.Static<typeof RevealedSecret>;

export type CredentialType = 'password' | 'secret' | 'api-key' | 'ssh-key' | 'tls-certificate';
export interface CredentialBodies {
  password: PasswordBody;
  secret: RandomSecretBody;
  'api-key': ApiKeyBody;
  'ssh-key': SshKeyBody;
  'tls-certificate': TlsCertificateBody;
}
export interface CredentialResults {
  password: Type.Static<typeof GeneratedPassword>;
  secret: Type.Static<typeof GeneratedSecret>;
  'api-key': Type.Static<typeof GeneratedApiKey>;
  'ssh-key': Type.Static<typeof GeneratedSshKey>;
  'tls-certificate': Type.Static<typeof GeneratedTlsCertificate>;
}
export type GeneratedCredential = CredentialResults[CredentialType];
