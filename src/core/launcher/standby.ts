import { Command } from './command.js';
import type { LaunchRequest } from './launch-protocol.js';

interface Waiting {
  command: Command;
  timer: NodeJS.Timeout;
}

const keyOf = (r: LaunchRequest) => JSON.stringify([r.file, r.args, r.env, r.maxOutputBytes]);

/**
 * Processes started ahead of their input, one per kind of request (same file, args and
 * environment). Starting a process costs more than most short commands then spend on their work
 * (sbatch: fork, exec, loading its libraries and slurm.conf, about half of its run); a burst of
 * identical commands pays that while the previous one runs instead of on each command's path.
 *
 * Only for commands that do nothing when their stdin ends empty, such as sbatch, which refuses an
 * empty script: a standby whose launcher dies sees its stdin close and ends having done nothing.
 * A standby left unused for its request's `standbyMs` is killed; the next request starts afresh.
 */
export class Standbys {
  private readonly waiting = new Map<string, Waiting>();

  /** The process started for this kind of request, if one is still waiting for its input. */
  take(request: LaunchRequest): Command | undefined {
    const key = keyOf(request);
    const found = this.waiting.get(key);
    if (!found) return undefined;
    this.waiting.delete(key);
    clearTimeout(found.timer);
    if (found.command.waiting) return found.command;
    found.command.discard();
    return undefined;
  }

  /** Makes sure one process for this kind of request waits, for `standbyMs` from now. */
  prepare(request: LaunchRequest, standbyMs: number): void {
    const key = keyOf(request);
    const found = this.waiting.get(key);
    if (found?.command.waiting) {
      found.timer.refresh();
      return;
    }
    if (found) this.drop(key);
    let command: Command;
    try {
      command = new Command(request.file, request.args, request.env, request.maxOutputBytes);
    } catch {
      // The request itself reports why such a command cannot start; nothing to keep ready.
      return;
    }
    const timer = setTimeout(() => this.drop(key), standbyMs);
    this.waiting.set(key, { command, timer });
  }

  /** Stops every waiting process (the launcher is going away). */
  clear(): void {
    for (const key of [...this.waiting.keys()]) this.drop(key);
  }

  private drop(key: string): void {
    const found = this.waiting.get(key);
    if (!found) return;
    this.waiting.delete(key);
    clearTimeout(found.timer);
    found.command.discard();
  }
}
