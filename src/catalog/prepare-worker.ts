import { parentPort, workerData } from 'node:worker_threads';
import { CHUNKS_AHEAD, type PrepareInput, prepareRevision, type WorkerMessage } from './prepare-revision.js';

/**
 * The worker thread of `prepareRevisionOffThread`: prepares one revision and sends its chunks,
 * never more than CHUNKS_AHEAD before the writer asked for them ('more').
 */
const port = parentPort;
if (port) {
  let credits = CHUNKS_AHEAD;
  let wake: (() => void) | undefined;
  port.on('message', () => {
    credits += 1;
    wake?.();
  });
  const send = (message: WorkerMessage) => port.postMessage(message);
  for (const chunk of prepareRevision(workerData as PrepareInput)) {
    while (credits === 0) await new Promise<void>((resolve) => (wake = resolve));
    wake = undefined;
    credits -= 1;
    send({ chunk });
  }
  // The thread stays until the writer ends it, so nothing sent is lost.
  send({ done: true });
}
