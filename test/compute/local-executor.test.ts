import { executorContract, tempOutputRoot } from '../../src/compute/executor.contract.js';
import { LocalExecutor } from '../../src/compute/executors/local/local-executor.js';
import { createLogger } from '../../src/core/logger.js';

executorContract('local', async () => {
  const out = tempOutputRoot('plinth-local-jobs-');
  const make = () => new LocalExecutor({ root: out.root, maxCpus: 4 }, createLogger('silent'));
  return {
    executor: make(),
    restart: async () => make(),
    shortTimeLimit: { options: { timeLimitSeconds: 1 } },
    patienceMs: 20_000,
    outputRoot: out.root,
    cleanup: async () => out.remove(),
  };
});
