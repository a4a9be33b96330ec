import { writeFileSync } from 'node:fs';
import { type Command, Option } from 'commander';
import { CliError } from '../cli-error.js';
import { type CliContext, createContext } from '../context.js';
import { collect, integerIn } from '../options.js';
import type { CliIo } from '../output.js';
import { parseSecretPath } from './secret.js';

interface Generated {
  value?: string;
  entropyBits?: number;
  privateKey?: string;
  publicKey?: string;
  certificate?: string;
  fingerprint?: string;
}

/** Prints the value on stdout (alone, for pipes), or stores it in the vault with `--store`. */
async function deliver(ctx: CliContext, generated: Generated, store: string | undefined) {
  const value = generated.value as string;
  if (generated.entropyBits) ctx.out.info(`${Math.floor(generated.entropyBits)} bits of entropy.`);
  if (!store) {
    ctx.out.result(generated, () => value);
    return;
  }
  const { team, name } = parseSecretPath(store);
  await ctx.client().request('PUT', `/api/secrets/${team}/${name}`, { body: { value } });
  ctx.out.info(
    `Stored in the vault of ${team} as ${name}; read it with \`plinth secret get ${team}/${name}\`.`,
  );
  ctx.out.jsonOnly({ stored: `${team}/${name}` });
}

function writePrivate(path: string, content: string) {
  try {
    writeFileSync(path, content, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    const exists = (error as NodeJS.ErrnoException).code === 'EEXIST';
    throw CliError.usage(exists ? `${path} exists already; choose another --out.` : (error as Error).message);
  }
}

/** `plinth credential …`: passwords, secrets, API keys, SSH keys and TLS certificates. */
export function registerCredential(program: Command, io: CliIo): void {
  const credential = program
    .command('credential')
    .alias('credentials')
    .description('generate passwords, secrets, API keys, SSH keys and TLS certificates (shown once)')
    .addHelpText(
      'after',
      '\nExamples:\n  $ plinth credential password -l 24\n  $ plinth credential ssh-key -C ada@laptop -o ~/.ssh/id_cluster\n  $ plinth credential api-key -p lims --store lab/LIMS_KEY',
    );
  const generate = (ctx: CliContext, type: string, body: object) =>
    ctx.client().request<Generated>('POST', `/api/credentials/${type}`, { body });

  credential
    .command('password')
    .description('a password, or a passphrase of common words')
    .option('-l, --length <n>', 'characters (8-256)', integerIn(8, 256))
    .option('--no-symbols', 'letters and digits only')
    .option('--passphrase', 'words instead of characters')
    .option('-w, --words <n>', 'words of a passphrase (4-24)', integerIn(4, 24))
    .option('--store <team/name>', 'store it in your team’s vault instead of printing it')
    .addHelpText(
      'after',
      '\nExamples:\n  $ plinth credential password -l 32\n  $ plinth credential password --passphrase -w 6',
    )
    .action(
      async (
        opts: { length?: number; symbols: boolean; passphrase?: boolean; words?: number; store?: string },
        command: Command,
      ) => {
        const ctx = createContext(command, io);
        const body = opts.passphrase
          ? { mode: 'passphrase', words: opts.words }
          : {
              length: opts.length,
              classes: opts.symbols ? ['lower', 'upper', 'digits', 'symbols'] : ['lower', 'upper', 'digits'],
            };
        await deliver(ctx, await generate(ctx, 'password', body), opts.store);
      },
    );

  credential
    .command('secret')
    .description('random bytes in hex, base64 or base64url')
    .addHelpText('after', '\nExample:\n  $ plinth credential secret -b 32 --encoding base64url')
    .option('-b, --bytes <n>', 'how many bytes (16-1024)', integerIn(16, 1024))
    .addOption(new Option('--encoding <encoding>').choices(['hex', 'base64', 'base64url']))
    .option('--store <team/name>', 'store it in your team’s vault instead of printing it')
    .action(async (opts: { bytes?: number; encoding?: string; store?: string }, command: Command) => {
      const ctx = createContext(command, io);
      await deliver(
        ctx,
        await generate(ctx, 'secret', { bytes: opts.bytes, encoding: opts.encoding }),
        opts.store,
      );
    });

  credential
    .command('api-key')
    .description('an API key: prefix_ + random characters + checksum')
    .addHelpText('after', '\nExample:\n  $ plinth credential api-key -p lims --store lab/LIMS_KEY')
    .option('-p, --prefix <prefix>', 'names the system the key is for (lower case, 2-16)')
    .option('--store <team/name>', 'store it in your team’s vault instead of printing it')
    .action(async (opts: { prefix?: string; store?: string }, command: Command) => {
      const ctx = createContext(command, io);
      await deliver(ctx, await generate(ctx, 'api-key', { prefix: opts.prefix }), opts.store);
    });

  credential
    .command('ssh-key')
    .description('an SSH key pair in OpenSSH format (Ed25519, or RSA 4096)')
    .addOption(new Option('-a, --algorithm <algorithm>').choices(['ed25519', 'rsa']).default('ed25519'))
    .option('-C, --comment <comment>', 'shown after the public key')
    .option('-o, --out <path>', 'write the private key to PATH (mode 600) and the public key to PATH.pub')
    .addHelpText('after', '\nExample:\n  $ plinth credential ssh-key -C ada@laptop -o ~/.ssh/id_cluster')
    .action(async (opts: { algorithm: string; comment?: string; out?: string }, command: Command) => {
      const ctx = createContext(command, io);
      const key = await generate(ctx, 'ssh-key', { algorithm: opts.algorithm, comment: opts.comment });
      if (!opts.out) return ctx.out.result(key, (k) => `${k.privateKey}\n${k.publicKey}`);
      writePrivate(opts.out, key.privateKey as string);
      writeFileSync(`${opts.out}.pub`, `${key.publicKey}\n`);
      ctx.out.info(`Wrote ${opts.out} and ${opts.out}.pub (${key.fingerprint}).`);
      ctx.out.jsonOnly({ privateKey: opts.out, publicKey: `${opts.out}.pub`, fingerprint: key.fingerprint });
    });

  credential
    .command('tls-cert')
    .description('a self-signed TLS certificate and its key, for local development')
    .option('--cn <name>', 'common name (default localhost)')
    .option('--san <name>', 'a DNS name or IP it is valid for (repeatable)', collect)
    .option('-d, --days <n>', 'validity in days (1-825)', integerIn(1, 825))
    .addOption(new Option('-a, --algorithm <algorithm>').choices(['ecdsa-p256', 'rsa-2048']))
    .option('-o, --out <prefix>', 'write PREFIX.crt and PREFIX.key (mode 600)')
    .addHelpText(
      'after',
      '\nExample:\n  $ plinth credential tls-cert --cn dev.lab.local --san dev.lab.local --san 127.0.0.1 -o dev',
    )
    .action(
      async (
        opts: { cn?: string; san?: string[]; days?: number; algorithm?: string; out?: string },
        command: Command,
      ) => {
        const ctx = createContext(command, io);
        const body = {
          commonName: opts.cn,
          altNames: opts.san,
          validityDays: opts.days,
          algorithm: opts.algorithm,
        };
        const cert = await generate(ctx, 'tls-certificate', body);
        if (!opts.out) return ctx.out.result(cert, (c) => `${c.certificate}${c.privateKey}`);
        writeFileSync(`${opts.out}.crt`, cert.certificate as string);
        writePrivate(`${opts.out}.key`, cert.privateKey as string);
        ctx.out.info(`Wrote ${opts.out}.crt and ${opts.out}.key (SHA-256 ${cert.fingerprint}).`);
        ctx.out.jsonOnly({
          certificate: `${opts.out}.crt`,
          privateKey: `${opts.out}.key`,
          fingerprint: cert.fingerprint,
        });
      },
    );
}
