import { join } from 'node:path';
import { executorContract, tempOutputRoot } from '../../src/compute/executor.contract.js';
import { checkIsolation } from '../../src/compute/executors/local/isolation.js';
import { LocalExecutor } from '../../src/compute/executors/local/local-executor.js';
import { createLogger } from '../../src/core/logger.js';
import { testJobUser } from '../helpers/engines.js';

type Settings = Omit<ConstructorParameters<typeof LocalExecutor>[0], 'root'>;

/** The contract's subject: local executors on one output folder, as many as restarts need. */
function subject(out: { root: string; remove: () => void }, settings: Settings) {
  const make = () => new LocalExecutor({ root: out.root, maxCpus: 4, ...settings }, createLogger('silent'));
  return {
    executor: make(),
    restart: async () => make(),
    shortTimeLimit: { options: { timeLimitSeconds: 1 } },
    patienceMs: 20_000,
    outputRoot: out.root,
    cleanup: async () => out.remove(),
  };
}

executorContract('local', async () => subject(tempOutputRoot('plinth-local-jobs-'), {}));

// The same contract with every job as its own user in its sandbox, where the machine allows it
// (the attacks suite fails loudly in CI when it does not).
if (testJobUser && process.getuid?.() === 0) {
  executorContract('local, isolated', async () => {
    const out = tempOutputRoot('plinth-local-isolated-');
    const isolation = await checkIsolation({
      runAs: testJobUser,
      network: true,
      trustMembers: false,
      protectedPaths: [out.root],
      scratch: join(out.root, 'tmp'),
    });
    if (!isolation.user) throw new Error(`jobs cannot be isolated here: ${isolation.reason}`);
    return subject(out, { isolation, protectedPaths: [out.root] });
  });
}
