import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { servicesErrors } from '../errors.js';

/** A key-encryption key of the vault and its public fingerprint. */
export interface VaultKey {
  id: string;
  key: Buffer;
}

/** Reads a 32-byte key written in base64 or base64url; the message never repeats the key. */
export function parseVaultKey(text: string, setting: string): VaultKey {
  const key = Buffer.from(text.replaceAll('-', '+').replaceAll('_', '/'), 'base64');
  if (key.length !== 32) {
    throw new Error(
      `Invalid configuration: ${setting}: must be 32 random bytes in base64 (openssl rand -base64 32)`,
    );
  }
  return { id: createHash('sha256').update('plinth-vault-key').update(key).digest('hex').slice(0, 16), key };
}

const IV_BYTES = 12;
const TAG_BYTES = 16;

function encrypt(key: Buffer, plaintext: Buffer, aad: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(aad));
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([iv, body, cipher.getAuthTag()]).toString('base64');
}

/** Decrypts and authenticates; null when the data, the key or the context does not match. */
function decrypt(key: Buffer, sealed: string, aad: string): Buffer | null {
  const raw = Buffer.from(sealed, 'base64');
  if (raw.length < IV_BYTES + TAG_BYTES) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, IV_BYTES));
    decipher.setAAD(Buffer.from(aad));
    decipher.setAuthTag(raw.subarray(raw.length - TAG_BYTES));
    return Buffer.concat([decipher.update(raw.subarray(IV_BYTES, raw.length - TAG_BYTES)), decipher.final()]);
  } catch {
    return null;
  }
}

/** Where a secret lives: its ciphertext is bound to it and cannot be moved to another row. */
export interface SecretContext {
  id: string;
  team: string;
  name: string;
}

export interface Sealed {
  ciphertext: string;
  wrappedKey: string;
  keyId: string;
}

const dataAad = (c: SecretContext) => `plinth-vault:v1:${c.id}:${c.team}:${c.name}`;
const keyAad = (c: SecretContext) => `plinth-vault-key:v1:${c.id}`;

/**
 * Envelope encryption with AES-256-GCM: each secret has its own random data key, and that key is
 * stored wrapped by the vault key. Rotating the vault key re-wraps data keys, never the secrets.
 */
export class Envelope {
  private readonly keys: Map<string, VaultKey>;

  constructor(
    readonly current: VaultKey,
    retired: VaultKey[] = [],
  ) {
    this.keys = new Map([...retired, current].map((k) => [k.id, k]));
  }

  seal(plaintext: Buffer, context: SecretContext): Sealed {
    const dataKey = randomBytes(32);
    return {
      ciphertext: encrypt(dataKey, plaintext, dataAad(context)),
      wrappedKey: encrypt(this.current.key, dataKey, keyAad(context)),
      keyId: this.current.id,
    };
  }

  open(sealed: Sealed, context: SecretContext): Buffer {
    const dataKey = this.unwrap(sealed, context);
    const plaintext = decrypt(dataKey, sealed.ciphertext, dataAad(context));
    if (!plaintext) throw servicesErrors.VAULT_SECRET_CORRUPT.create([context.name, context.team]);
    return plaintext;
  }

  /** The data key wrapped under the current vault key (for rotation). */
  rewrap(sealed: Sealed, context: SecretContext): Pick<Sealed, 'wrappedKey' | 'keyId'> {
    const dataKey = this.unwrap(sealed, context);
    return { wrappedKey: encrypt(this.current.key, dataKey, keyAad(context)), keyId: this.current.id };
  }

  private unwrap(sealed: Sealed, context: SecretContext): Buffer {
    const kek = this.keys.get(sealed.keyId);
    if (!kek) throw servicesErrors.VAULT_KEY_UNKNOWN.create([context.name, sealed.keyId]);
    const dataKey = decrypt(kek.key, sealed.wrappedKey, keyAad(context));
    if (!dataKey) throw servicesErrors.VAULT_SECRET_CORRUPT.create([context.name, context.team]);
    return dataKey;
  }
}
