import { createHash } from 'node:crypto';
import ssh2 from 'ssh2';

export type SshKeyAlgorithm = 'ed25519' | 'rsa';

export interface SshKeyOptions {
  algorithm: SshKeyAlgorithm;
  comment: string;
  /** Encrypts the private key (aes256-ctr, bcrypt KDF) when given. */
  passphrase?: string;
}

/** `SHA256:...` as `ssh-keygen -l` prints it: base64 of the sha256 of the public key blob, unpadded. */
export function sshFingerprint(publicKey: string): string {
  const blob = Buffer.from(publicKey.split(' ')[1] ?? '', 'base64');
  return `SHA256:${createHash('sha256').update(blob).digest('base64').replace(/=+$/, '')}`;
}

/** An SSH key pair in OpenSSH format: Ed25519, or RSA 4096 for systems that still need RSA. */
export function generateSshKey(options: SshKeyOptions): Promise<{
  privateKey: string;
  publicKey: string;
  fingerprint: string;
}> {
  const encryption = options.passphrase
    ? { passphrase: options.passphrase, cipher: 'aes256-ctr', rounds: 16 }
    : {};
  return new Promise((resolve, reject) => {
    const done = (error: Error | null, pair: { private: string; public: string }) => {
      if (error) return reject(error);
      const publicKey = pair.public.trim();
      resolve({ privateKey: pair.private, publicKey, fingerprint: sshFingerprint(publicKey) });
    };
    // The async form keeps the event loop free while RSA looks for primes.
    if (options.algorithm === 'rsa') {
      ssh2.utils.generateKeyPair('rsa', { bits: 4096, comment: options.comment, ...encryption }, done);
    } else {
      ssh2.utils.generateKeyPair('ed25519', { comment: options.comment, ...encryption }, done);
    }
  });
}
