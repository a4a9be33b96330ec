import { parentPort, workerData } from 'node:worker_threads';
import { type PrepareInput, prepareRevision } from './prepare-revision.js';

/** The worker thread of `prepareRevisionOffThread`: prepares one revision and sends back its rows. */
parentPort?.postMessage(prepareRevision(workerData as PrepareInput));
