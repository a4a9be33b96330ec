import { dirname, join } from 'node:path';
import { Type } from 'typebox';
import { adapter } from '../../../core/extension.js';
import { executorPoint } from '../../extension.js';
import { checkIsolation } from './isolation.js';
import { LocalExecutor } from './local-executor.js';

export const LocalConfig = Type.Object(
  {
    maxCpus: Type.Optional(
      Type.Integer({ minimum: 1, description: 'CPU cores local jobs may use at once (default: all)' }),
    ),
    runAs: Type.Optional(
      Type.String({
        pattern: '^[a-z_][a-z0-9_.-]*[$]?$',
        maxLength: 32,
        description:
          'Unprivileged OS user local jobs run as, in a bubblewrap sandbox (Plinth must run as root); members may use the executor only then',
      }),
    ),
    network: Type.Optional(
      Type.Boolean({ description: 'Whether sandboxed local jobs reach the network (default: true)' }),
    ),
    trustMembers: Type.Optional(
      Type.Boolean({
        description:
          "Let members run local jobs even when they cannot be isolated, i.e. with Plinth's own identity (default: false)",
      }),
    ),
  },
  { additionalProperties: false },
);
type LocalConfig = Type.Static<typeof LocalConfig>;

/**
 * Jobs as child processes of the Plinth host: the embedded default, needs nothing installed. With
 * `runAs` they run as that user in a sandbox and members may use them; otherwise they run as the
 * Plinth service user, which only Keepers may do.
 */
export const localExecutor = adapter(executorPoint, {
  name: 'local',
  description: 'This machine: jobs run as processes on the Plinth host, a CPU-slot queue',
  capabilities: { arrays: true, gpus: false, cancel: true, accounting: false },
  configSchema: LocalConfig,
  create: async ({ config, logger }) => {
    const {
      outputRoot,
      protectedPaths = [],
      ...settings
    } = config as LocalConfig & {
      outputRoot: string;
      protectedPaths?: string[];
    };
    const network = settings.network ?? true;
    const isolation = await checkIsolation({
      runAs: settings.runAs,
      network,
      trustMembers: settings.trustMembers ?? false,
      protectedPaths,
      scratch: join(dirname(outputRoot), 'tmp'),
    });
    (isolation.user ? logger.info.bind(logger) : logger.warn.bind(logger))(
      { executor: 'local', membersMayUse: isolation.members },
      isolation.reason,
    );
    return new LocalExecutor(
      { root: outputRoot, maxCpus: settings.maxCpus, isolation, protectedPaths, network },
      logger,
    );
  },
});
