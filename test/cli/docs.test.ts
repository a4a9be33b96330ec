import { readFileSync } from 'node:fs';
import { PassThrough } from 'node:stream';
import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { EXIT_CODES } from '../../src/cli/exit-codes.js';
import { createProgram } from '../../src/cli/program.js';

const reference = readFileSync(new URL('../../docs/reference/cli.md', import.meta.url), 'utf8');
const program = createProgram({ stdout: () => {}, stderr: () => {}, stdin: new PassThrough(), env: {} });

function leafCommands(command: Command, prefix: string[] = []): string[] {
  return command.commands.flatMap((sub) => {
    const path = [...prefix, sub.name()];
    return sub.commands.length === 0 ? [path.join(' ')] : leafCommands(sub, path);
  });
}

describe('docs/reference/cli.md', () => {
  it('shows the exit-code table of the code, row by row', () => {
    for (const row of EXIT_CODES) {
      const line = reference.split('\n').find((text) => text.split('|')[1]?.trim() === String(row.exit));
      expect(line, `a table row for exit ${row.exit}`).toBeDefined();
      for (const code of row.codes) expect(line).toContain(`\`${code}\``);
      for (const status of row.statuses) expect(line).toContain(String(status));
    }
  });

  it('describes every command', () => {
    for (const name of leafCommands(program).filter((name) => !name.endsWith('help'))) {
      // A top-level command has its own heading; a subcommand appears in its group's table.
      const documented = name.includes(' ') ? name : `plinth ${name}`;
      expect(reference, name).toContain(documented);
    }
  });
});
