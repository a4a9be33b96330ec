import { execFileSync } from 'node:child_process';
import { createPrivateKey, createPublicKey, X509Certificate } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { isValidApiKey } from '../../src/services/credentials/random-secret.js';
import { bearer, type Caller, call } from '../helpers/client.js';
import { engineAvailable } from '../helpers/engines.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

const hasTool = (tool: string) => {
  try {
    execFileSync('sh', ['-c', `command -v ${tool}`]);
    return true;
  } catch {
    return false;
  }
};
const hasSshKeygen = engineAvailable('ssh-keygen', hasTool('ssh-keygen'), 'apt-get install openssh-client');
const hasOpenssl = engineAvailable('openssl', hasTool('openssl'), 'apt-get install openssl');

let t: TestServer;
let ann: Caller;
const work = mkdtempSync(join(tmpdir(), 'plinth-credentials-'));

beforeAll(async () => {
  t = await startTestServer({ config: { services: { generationsPerMinute: 40 } } });
  await t.createUser({ username: 'ann' });
  ann = await bearer(t, 'ann');
});
afterAll(async () => {
  await t?.close();
  rmSync(work, { recursive: true, force: true });
});

async function generate(type: string, body: object = {}) {
  const response = await call(t, ann, 'POST', `/api/credentials/${type}`, body);
  expect(response.statusCode, response.body).toBe(200);
  expect(response.headers['cache-control']).toBe('no-store');
  return response.json();
}

describe.runIf(hasSshKeygen)('SSH keys', () => {
  for (const algorithm of ['ed25519', 'rsa'] as const) {
    test(`${algorithm}: ssh-keygen reads the pair, its fingerprint matches, and a signature verifies`, async () => {
      const key = await generate('ssh-key', { algorithm, comment: 'ann@laptop' });
      const file = join(work, `id_${algorithm}`);
      writeFileSync(file, key.privateKey, { mode: 0o600 });
      writeFileSync(`${file}.pub`, `${key.publicKey}\n`);
      const listed = execFileSync('ssh-keygen', ['-l', '-f', `${file}.pub`]).toString();
      expect(listed).toContain(key.fingerprint);
      expect(listed).toContain('ann@laptop');
      expect(listed).toContain(algorithm === 'rsa' ? '4096' : '256');
      // The private key derives the same public key.
      const derived = execFileSync('ssh-keygen', ['-y', '-f', file]).toString().trim();
      expect(key.publicKey.startsWith(derived.split(' ').slice(0, 2).join(' '))).toBe(true);
      // Sign with the private key, verify with the public key (ssh-keygen -Y).
      const message = join(work, `message-${algorithm}`);
      writeFileSync(message, 'plinth says hello\n');
      execFileSync('ssh-keygen', ['-Y', 'sign', '-f', file, '-n', 'file', message], { stdio: 'pipe' });
      writeFileSync(join(work, 'allowed'), `ann@laptop ${key.publicKey}\n`);
      const verified = execFileSync(
        'ssh-keygen',
        [
          '-Y',
          'verify',
          '-f',
          join(work, 'allowed'),
          '-I',
          'ann@laptop',
          '-n',
          'file',
          '-s',
          `${message}.sig`,
        ],
        { input: 'plinth says hello\n' },
      ).toString();
      expect(verified).toContain('Good "file" signature');
    }, 60_000);
  }

  test('a passphrase encrypts the private key', async () => {
    const key = await generate('ssh-key', { passphrase: 'correct horse battery' });
    expect(key.encrypted).toBe(true);
    const file = join(work, 'id_encrypted');
    writeFileSync(file, key.privateKey, { mode: 0o600 });
    expect(() => execFileSync('ssh-keygen', ['-y', '-P', '', '-f', file], { stdio: 'pipe' })).toThrow();
    const derived = execFileSync('ssh-keygen', ['-y', '-P', 'correct horse battery', '-f', file]).toString();
    expect(key.publicKey).toContain(derived.split(' ')[1]);
  });
});

describe.runIf(hasOpenssl)('TLS certificates', () => {
  for (const algorithm of ['ecdsa-p256', 'rsa-2048'] as const) {
    test(`${algorithm}: openssl x509 reads the certificate with its names, validity and key`, async () => {
      const cert = await generate('tls-certificate', {
        commonName: 'dev.lab.local',
        altNames: ['dev.lab.local', '*.dev.lab.local', '127.0.0.1'],
        validityDays: 30,
        algorithm,
      });
      const file = join(work, `cert-${algorithm}.pem`);
      writeFileSync(file, cert.certificate);
      const text = execFileSync('openssl', ['x509', '-in', file, '-noout', '-text']).toString();
      expect(text).toContain('Subject: CN = dev.lab.local');
      expect(text).toMatch(/DNS:dev\.lab\.local, DNS:\*\.dev\.lab\.local, IP Address:127\.0\.0\.1/);
      expect(text).toContain('TLS Web Server Authentication');
      expect(text).toContain('CA:FALSE');
      const parsed = new X509Certificate(cert.certificate);
      const days = (Date.parse(parsed.validTo) - Date.parse(parsed.validFrom)) / 86_400_000;
      expect(Math.round(days)).toBe(30);
      // Self-signed, and the key in the response is the certificate's own.
      expect(parsed.verify(parsed.publicKey)).toBe(true);
      const publicOfKey = createPublicKey(createPrivateKey(cert.privateKey)).export({
        format: 'der',
        type: 'spki',
      });
      expect(Buffer.compare(publicOfKey, parsed.publicKey.export({ format: 'der', type: 'spki' }))).toBe(0);
      expect(parsed.fingerprint256).toBe(cert.fingerprint);
    });
  }
});

test('passwords, secrets and API keys come back in the form asked for', async () => {
  const password = await generate('password', { length: 32, classes: ['lower', 'digits'] });
  expect(password.value).toMatch(/^[a-km-z2-9]{32}$/);
  expect(password.value).toMatch(/\d/);
  const phrase = await generate('password', { mode: 'passphrase', words: 5, separator: '.' });
  expect(phrase.value.split('.')).toHaveLength(5);
  expect(phrase.entropyBits).toBe(55);
  const secret = await generate('secret', { bytes: 48, encoding: 'hex' });
  expect(secret.value).toMatch(/^[0-9a-f]{96}$/);
  const key = await generate('api-key', { prefix: 'lab' });
  expect(key.value).toMatch(/^lab_[0-9A-Za-z]{36}$/);
  expect(isValidApiKey(key.value)).toBe(true);
});

test('the audit log says who generated what type, and never the value', async () => {
  const generated = await generate('secret', {});
  const rows = await t.server.database.db
    .selectFrom('audit_log')
    .selectAll()
    .where('action', '=', 'credentials.generate')
    .execute();
  expect(rows.length).toBeGreaterThan(0);
  expect(rows.every((r) => r.actor === 'ann')).toBe(true);
  expect(new Set(rows.map((r) => r.target))).toContain('secret');
  expect(JSON.stringify(rows)).not.toContain(generated.value);
});

test('bad parameters are refused with the field named', async () => {
  const response = await call(t, ann, 'POST', '/api/credentials/password', { length: 4 });
  expect(response.statusCode).toBe(400);
  expect(response.json().code).toBe('VALIDATION_FAILED');
  const prefix = await call(t, ann, 'POST', '/api/credentials/api-key', { prefix: 'Bad Prefix' });
  expect(prefix.json().code).toBe('VALIDATION_FAILED');
});

test('generation is rate-limited per user', async () => {
  const bob = (await t.createUser({ username: 'bob' })).username;
  const caller = await bearer(t, bob);
  const statuses: number[] = [];
  for (let i = 0; i < 45; i++) {
    statuses.push((await call(t, caller, 'POST', '/api/credentials/secret', {})).statusCode);
  }
  expect(statuses.filter((s) => s === 200)).toHaveLength(40);
  expect(statuses.at(-1)).toBe(429);
  // Another user still has their own allowance.
  const carl = await bearer(t, (await t.createUser({ username: 'carl' })).username);
  expect((await call(t, carl, 'POST', '/api/credentials/secret', {})).statusCode).toBe(200);
});
