import { Type } from 'typebox';

const Entropy = Type.Number({
  description: 'Bits of entropy: log2 of how many equally likely values there were',
});

export const PasswordBody = Type.Object(
  {
    mode: Type.Optional(
      Type.Union([Type.Literal('characters'), Type.Literal('passphrase')], { default: 'characters' }),
    ),
    length: Type.Optional(Type.Integer({ minimum: 8, maximum: 256, default: 20 })),
    classes: Type.Optional(
      Type.Array(
        Type.Union([
          Type.Literal('lower'),
          Type.Literal('upper'),
          Type.Literal('digits'),
          Type.Literal('symbols'),
        ]),
        {
          minItems: 1,
          maxItems: 4,
          uniqueItems: true,
          default: ['lower', 'upper', 'digits', 'symbols'],
        },
      ),
    ),
    excludeLookalikes: Type.Optional(Type.Boolean({ default: true, description: 'Leave out 0 O o 1 l I |' })),
    requireEachClass: Type.Optional(Type.Boolean({ default: true })),
    words: Type.Optional(
      Type.Integer({ minimum: 4, maximum: 24, default: 6, description: 'Passphrase mode' }),
    ),
    separator: Type.Optional(Type.String({ maxLength: 3, default: '-' })),
    capitalize: Type.Optional(Type.Boolean({ default: false })),
  },
  { additionalProperties: false },
);
export type PasswordBody = Type.Static<typeof PasswordBody>;

export const GeneratedPassword = Type.Object({
  type: Type.Literal('password'),
  value: Type.String(),
  entropyBits: Entropy,
  mode: Type.String(),
});

export const RandomSecretBody = Type.Object(
  {
    bytes: Type.Optional(Type.Integer({ minimum: 16, maximum: 1024, default: 32 })),
    encoding: Type.Optional(
      Type.Union([Type.Literal('hex'), Type.Literal('base64'), Type.Literal('base64url')], {
        default: 'base64url',
      }),
    ),
  },
  { additionalProperties: false },
);
export type RandomSecretBody = Type.Static<typeof RandomSecretBody>;

export const GeneratedSecret = Type.Object({
  type: Type.Literal('secret'),
  value: Type.String(),
  entropyBits: Entropy,
  encoding: Type.String(),
});

export const ApiKeyBody = Type.Object(
  {
    prefix: Type.Optional(
      Type.String({
        pattern: '^[a-z][a-z0-9]{1,15}$',
        default: 'key',
        description: 'Names the system the key is for, so leaked keys are recognisable (lower case, 2-16)',
      }),
    ),
  },
  { additionalProperties: false },
);
export type ApiKeyBody = Type.Static<typeof ApiKeyBody>;

export const GeneratedApiKey = Type.Object({
  type: Type.Literal('api-key'),
  value: Type.String({
    description: 'prefix_ + 30 random base62 characters + 6 characters of CRC32 checksum',
  }),
  prefix: Type.String(),
  entropyBits: Entropy,
});

export const SshKeyBody = Type.Object(
  {
    algorithm: Type.Optional(
      Type.Union([Type.Literal('ed25519'), Type.Literal('rsa')], { default: 'ed25519' }),
    ),
    comment: Type.Optional(
      Type.String({
        maxLength: 200,
        pattern: '^[^\\r\\n]*$',
        description: 'Shown after the public key; default you@plinth',
      }),
    ),
    passphrase: Type.Optional(
      Type.String({ minLength: 8, maxLength: 1024, description: 'Encrypts the private key' }),
    ),
  },
  { additionalProperties: false },
);
export type SshKeyBody = Type.Static<typeof SshKeyBody>;

export const GeneratedSshKey = Type.Object({
  type: Type.Literal('ssh-key'),
  algorithm: Type.String(),
  privateKey: Type.String({ description: 'OpenSSH private key' }),
  publicKey: Type.String({ description: 'One line for authorized_keys' }),
  fingerprint: Type.String({ description: 'SHA256 fingerprint as ssh-keygen -l prints it' }),
  encrypted: Type.Boolean(),
});

const HostName = Type.String({
  minLength: 1,
  maxLength: 253,
  pattern:
    '^(\\*\\.)?[A-Za-z0-9]([A-Za-z0-9-]{0,62})(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,62}))*\\.?$|^[0-9.]+$|^[0-9A-Fa-f:]+$',
});

export const TlsCertificateBody = Type.Object(
  {
    commonName: Type.Optional({ ...HostName, default: 'localhost' }),
    altNames: Type.Optional(
      Type.Array(HostName, {
        maxItems: 50,
        default: ['localhost', '127.0.0.1', '::1'],
        description: 'DNS names and IPs',
      }),
    ),
    validityDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 825, default: 90 })),
    algorithm: Type.Optional(
      Type.Union([Type.Literal('ecdsa-p256'), Type.Literal('rsa-2048')], { default: 'ecdsa-p256' }),
    ),
  },
  { additionalProperties: false },
);
export type TlsCertificateBody = Type.Static<typeof TlsCertificateBody>;

export const GeneratedTlsCertificate = Type.Object({
  type: Type.Literal('tls-certificate'),
  certificate: Type.String({ description: 'PEM' }),
  privateKey: Type.String({ description: 'PEM, PKCS#8' }),
  fingerprint: Type.String({ description: 'SHA-256 of the certificate' }),
  subject: Type.String(),
  altNames: Type.Array(Type.String()),
  notBefore: Type.String(),
  notAfter: Type.String(),
  serialNumber: Type.String(),
});

export const CREDENTIAL_TYPES = ['password', 'secret', 'api-key', 'ssh-key', 'tls-certificate'] as const;
export type CredentialType = (typeof CREDENTIAL_TYPES)[number];
