import { Command } from './command.js';
import type { LaunchReply, LaunchRequest } from './launch-protocol.js';
import { Standbys } from './standby.js';

// The launcher process: it stays small, so forking a command from it is cheap and never
// stalls the server's event loop (fork time grows with the forking process's memory).

const standbys = new Standbys();

function reply(message: LaunchReply): void {
  process.send?.(message);
}

function run(request: LaunchRequest): void {
  let command: Command;
  try {
    command =
      standbys.take(request) ?? new Command(request.file, request.args, request.env, request.maxOutputBytes);
  } catch (error) {
    const failure = error as NodeJS.ErrnoException;
    reply({ id: request.id, started: false, errorCode: failure.code ?? null, message: failure.message });
    return;
  }
  command.finish(request.input, request.timeoutMs, (outcome) => {
    reply({ id: request.id, ...outcome });
    // The next one starts once this one has answered, so that its start never delays that answer;
    // it is ready, waiting on its stdin, by the time the caller has dealt with this one.
    if (request.standbyMs) standbys.prepare(request, request.standbyMs);
  });
}

process.on('message', (message) => run(message as LaunchRequest));
// The server went away: nothing is left to answer to, and no standby may outlive the launcher.
process.on('disconnect', () => {
  standbys.clear();
  process.exit(0);
});
process.on('SIGTERM', () => {
  standbys.clear();
  process.exit(0);
});
