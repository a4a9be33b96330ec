#!/usr/bin/env node
/**
 * The `plinth` command: `bin/plinth.js` runs the compiled `dist/cli/main.js`;
 * during development, `npx tsx src/cli/main.ts`.
 */
import { processIo } from './output.js';
import { runCli } from './run.js';

// `plinth users ls | head -1` closes the pipe early; that is the reader's choice, not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

process.exitCode = await runCli(process.argv.slice(2), processIo());
