import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { Client } from 'ssh2';
import { shellQuote } from '../../shell-quote.js';
import { SlurmUnavailableError } from './cli-errors.js';
import type { RunOptions, RunResult, Transport } from './transport.js';

export interface SshTransportOptions {
  host: string;
  port?: number;
  username: string;
  /** A private key file (OpenSSH or PEM) readable by Plinth. */
  privateKeyPath: string;
  passphrase?: string;
  /** The login node's host key, `SHA256:…` as `ssh-keygen -lf` prints it; without it any key is accepted. */
  hostFingerprint?: string;
  /** Folder of the Slurm commands on the login node when they are not on its PATH. */
  binDir?: string;
  /** SLURM_CONF on the login node, when not its default. */
  slurmConf?: string;
  connectTimeoutMs?: number;
  /** Told once when the host key is not checked. */
  warn?: (message: string) => void;
}

const MAX_OUTPUT = 64 * 1024 * 1024;

// Reads NAME=base64 lines from stdin until an empty line, exports them, then runs the command,
// which gets the rest of stdin (sbatch reads its script there). Secrets never appear in argv,
// where `ps` on the login node would show them. A shell reads a pipe byte by byte, so nothing past
// the empty line is consumed.
const PREAMBLE =
  // biome-ignore lint/suspicious/noTemplateCurlyInString: shell parameter expansion, not a template
  'while IFS= read -r l && [ -n "$l" ]; do export "${l%%=*}=$(printf %s "${l#*=}" | base64 -d)"; done; exec "$@"';

/** The SSH `exec` command line of argv, with env through stdin. */
export function remoteCommand(argv: string[], binDir?: string): string {
  const [command, ...args] = argv;
  const file =
    binDir && command && !command.includes('/') ? `${binDir.replace(/\/$/, '')}/${command}` : command;
  return ['sh', '-c', PREAMBLE, 'sh', file ?? 'true', ...args].map(shellQuote).join(' ');
}

/** The stdin that goes with remoteCommand: the environment, an empty line, then the command's input. */
export function remoteInput(env: Record<string, string>, input = ''): string {
  const lines = Object.entries(env).map(([k, v]) => `${k}=${Buffer.from(v, 'utf8').toString('base64')}\n`);
  return `${lines.join('')}\n${input}`;
}

/** The OpenSSH fingerprint (`SHA256:…`, unpadded base64) of a raw host key. */
export function fingerprint(key: Buffer): string {
  return `SHA256:${createHash('sha256').update(key).digest('base64').replace(/=+$/, '')}`;
}

/** Runs Slurm's commands on a login node over one reused SSH connection (ssh2), key from config. */
export class SshTransport implements Transport {
  readonly isLocal = false;
  readonly where: string;
  private client?: Promise<Client>;
  private warned = false;

  constructor(private readonly options: SshTransportOptions) {
    this.where = `${options.username}@${options.host}`;
  }

  private connect(): Promise<Client> {
    if (this.client) return this.client;
    const o = this.options;
    const attempt = readFile(o.privateKeyPath).then(
      (privateKey) =>
        new Promise<Client>((resolve, reject) => {
          const client = new Client();
          const forget = () => {
            if (this.client === attempt) this.client = undefined;
          };
          client.on('ready', () => resolve(client));
          client.on('error', (error) => {
            forget();
            reject(new SlurmUnavailableError(`cannot reach ${this.where} over SSH: ${error.message}`));
          });
          client.on('close', forget);
          client.connect({
            host: o.host,
            port: o.port ?? 22,
            username: o.username,
            privateKey,
            passphrase: o.passphrase,
            readyTimeout: o.connectTimeoutMs ?? 10_000,
            keepaliveInterval: 30_000,
            hostVerifier: (key: Buffer) => this.verify(key),
          });
        }),
      (error: Error) => {
        this.client = undefined;
        throw new SlurmUnavailableError(`cannot read the SSH key ${o.privateKeyPath}: ${error.message}`);
      },
    );
    this.client = attempt;
    return attempt;
  }

  private verify(key: Buffer): boolean {
    if (this.options.hostFingerprint) return fingerprint(key) === this.options.hostFingerprint;
    if (!this.warned) {
      this.warned = true;
      this.options.warn?.(`The host key of ${this.options.host} is not checked: set ssh.hostFingerprint`);
    }
    return true;
  }

  async run(argv: string[], options: RunOptions): Promise<RunResult> {
    const client = await this.connect();
    const env = { ...(this.options.slurmConf ? { SLURM_CONF: this.options.slurmConf } : {}), ...options.env };
    return new Promise((resolve, reject) => {
      let done = false;
      const finish = (fn: () => void) => {
        if (!done) {
          done = true;
          clearTimeout(timer);
          fn();
        }
      };
      const timer = setTimeout(() => {
        finish(() =>
          reject(
            new SlurmUnavailableError(
              `${argv[0]} on ${this.where} did not answer within ${options.timeoutMs / 1000} s`,
            ),
          ),
        );
        client.end();
      }, options.timeoutMs);
      client.exec(remoteCommand(argv, this.options.binDir), (error, stream) => {
        if (error) {
          finish(() => reject(new SlurmUnavailableError(`SSH to ${this.where}: ${error.message}`)));
          return;
        }
        const out: Buffer[] = [];
        const err: Buffer[] = [];
        let size = 0;
        const collect = (into: Buffer[]) => (chunk: Buffer) => {
          size += chunk.length;
          if (size <= MAX_OUTPUT) into.push(chunk);
        };
        stream.on('data', collect(out));
        stream.stderr.on('data', collect(err));
        stream.on('close', (code: number | null) =>
          finish(() =>
            resolve({
              stdout: Buffer.concat(out).toString('utf8'),
              stderr: Buffer.concat(err).toString('utf8'),
              code: code ?? 255,
            }),
          ),
        );
        stream.end(remoteInput(env, options.input));
      });
    });
  }

  async close(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    if (client) (await client.catch(() => undefined))?.end();
  }
}
