import { spawn } from 'node:child_process';
import type { LaunchReply, LaunchRequest } from './launch-protocol.js';

// The launcher process: it stays small, so forking a command from it is cheap and never
// stalls the server's event loop (fork time grows with the forking process's memory).

function reply(message: LaunchReply): void {
  process.send?.(message);
}

function run(request: LaunchRequest): void {
  let child: ReturnType<typeof spawn>;
  try {
    child = spawn(request.file, request.args, { env: request.env, stdio: ['pipe', 'pipe', 'pipe'] });
  } catch (error) {
    const failure = error as NodeJS.ErrnoException;
    reply({ id: request.id, started: false, errorCode: failure.code ?? null, message: failure.message });
    return;
  }
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  let size = 0;
  let timedOut = false;
  const collect = (into: Buffer[]) => (chunk: Buffer) => {
    size += chunk.length;
    if (size <= request.maxOutputBytes) into.push(chunk);
  };
  child.stdout?.on('data', collect(out));
  child.stderr?.on('data', collect(err));
  const timer = setTimeout(() => {
    timedOut = true;
    child.kill('SIGKILL');
  }, request.timeoutMs);
  let failed = false;
  child.on('error', (error: NodeJS.ErrnoException) => {
    failed = true;
    clearTimeout(timer);
    reply({ id: request.id, started: false, errorCode: error.code ?? null, message: error.message });
  });
  child.on('close', (code, signal) => {
    clearTimeout(timer);
    if (failed) return;
    reply({
      id: request.id,
      started: true,
      code,
      signal,
      stdout: Buffer.concat(out).toString('utf8'),
      stderr: Buffer.concat(err).toString('utf8'),
      timedOut,
    });
  });
  // A command that exits before reading its stdin must not take the launcher down with EPIPE.
  child.stdin?.on('error', () => undefined);
  child.stdin?.end(request.input);
}

process.on('message', (message) => run(message as LaunchRequest));
// The server went away: nothing is left to answer to.
process.on('disconnect', () => process.exit(0));
