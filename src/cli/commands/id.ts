import { type Command, Option } from 'commander';
import { createContext } from '../context.js';
import { integerIn } from '../options.js';
import type { CliIo } from '../output.js';

interface IdOptions {
  type: string;
  count: number;
  format?: string;
  decode?: string;
}

interface Decoded {
  id: string;
  time: string;
  worker: number;
  sequence: number;
  formats: Record<string, string>;
}

/** `plinth id`: new ids from the platform's ID generator, or the parts of a snowflake. */
export function registerId(program: Command, io: CliIo): void {
  program
    .command('id')
    .description('new unique ids (snowflake, uuid4, uuid7, ulid), one per line; or decode a snowflake')
    .addOption(
      new Option('-t, --type <type>', 'kind of id')
        .choices(['snowflake', 'uuid4', 'uuid7', 'ulid'])
        .default('snowflake'),
    )
    .option('-n, --count <n>', 'how many (1-10000)', integerIn(1, 10_000), 1)
    .addOption(
      new Option('--format <format>', 'text form of snowflakes').choices(['decimal', 'base32', 'base62']),
    )
    .option('--decode <id>', 'show the time, worker and sequence of a snowflake instead')
    .addHelpText(
      'after',
      '\nExamples:\n  $ plinth id\n  $ plinth id --type uuid7 -n 10\n  $ plinth id -n 1000 --format base62 > ids.txt\n  $ plinth id --decode 1234567890123456789',
    )
    .action(async (opts: IdOptions, command: Command) => {
      const ctx = createContext(command, io);
      const client = ctx.client();
      if (opts.decode) {
        const path = `/api/ids/snowflake/${encodeURIComponent(opts.decode)}`;
        const decoded = await client.request<Decoded>('GET', path, { query: { format: opts.format } });
        ctx.out.result(decoded, (d) =>
          [
            `id        ${d.id}`,
            `time      ${d.time}`,
            `worker    ${d.worker}`,
            `sequence  ${d.sequence}`,
            `base32    ${d.formats.base32}`,
            `base62    ${d.formats.base62}`,
          ].join('\n'),
        );
        return;
      }
      const batch = await client.request<{ ids: string[] }>('GET', `/api/ids/${opts.type}`, {
        query: { count: opts.count, format: opts.type === 'snowflake' ? opts.format : undefined },
      });
      ctx.out.result(batch, (b) => b.ids.join('\n'));
    });
}
