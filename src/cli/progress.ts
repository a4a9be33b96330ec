import { spinner } from '@clack/prompts';
import type { CliIo } from './output.js';

/** Shows on stderr which step of a longer command is running. */
export interface Progress {
  /** Announces a step. */
  start(message: string): void;
  /** Ends the current step; its result is printed by the caller. */
  done(): void;
}

/**
 * A spinner when stderr is a terminal; plain lines otherwise, because the spinner's redraws
 * would fill CI logs and files with escape codes.
 */
export function createProgress(io: CliIo): Progress {
  if (io.isStderrTty !== true) {
    return { start: (message) => io.stderr(`${message}…\n`), done: () => {} };
  }
  const spin = spinner({ output: process.stderr, withGuide: false });
  return { start: (message) => spin.start(message), done: () => spin.clear() };
}
