import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from './logger.js';

/**
 * The key behind sessions' CSRF tokens and encryption at rest. Configured keys win; otherwise a
 * key is generated once into the data dir (mode 0600) so restarts keep sessions valid.
 */
export function resolveSecretKey(configured: string | undefined, dataDir: string, logger: Logger): string {
  if (configured) return configured;
  const file = join(dataDir, 'secret.key');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const key = randomBytes(32).toString('base64url');
  writeFileSync(file, `${key}\n`, { mode: 0o600, flag: 'wx' });
  logger.warn(
    { file },
    'Generated a secret key into the data dir. For production, set PLINTH_SECRET_KEY_FILE (or PLINTH_SECRET_KEY) and keep the key safe: ' +
      'every replica must share it.',
  );
  return key;
}
