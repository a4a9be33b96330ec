import { type Command, InvalidArgumentError, Option } from 'commander';
import type { Role } from '../auth/schemas.js';

/** Parses a whole number from `min` to `max` for commander, failing as a usage error. */
export function integerIn(min: number, max: number): (value: string) => number {
  return (value) => {
    const number = Number(value);
    if (!/^\d+$/.test(value) || number < min || number > max) {
      throw new InvalidArgumentError(`expected a whole number from ${min} to ${max}.`);
    }
    return number;
  };
}

/** Collects a repeatable option (`--team a --team b`) into an array. */
export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

/** Adds `--all`, `--limit` and `--cursor`, which every listing command accepts. */
export function addPageOptions(command: Command): Command {
  return command
    .option('--all', 'fetch every page, not only the first')
    .option('--limit <n>', 'how many items per page (1-500)', integerIn(1, 500))
    .option('--cursor <cursor>', 'start at this page (from a previous listing)');
}

// Spelled out rather than imported so that the CLI does not load the schema library to start.
const ROLES = ['keeper', 'member'] as const satisfies readonly Role[];

/** `--role keeper|member`, checked by commander before anything is sent. */
export function roleOption(description: string): Option {
  return new Option('--role <role>', description).choices(ROLES);
}
