import { Type } from 'typebox';
import { adapter } from '../../../core/extension.js';
import { executorPoint } from '../../extension.js';
import { LocalExecutor } from './local-executor.js';

export const LocalConfig = Type.Object(
  {
    maxCpus: Type.Optional(
      Type.Integer({ minimum: 1, description: 'CPU cores local jobs may use at once (default: all)' }),
    ),
  },
  { additionalProperties: false },
);

/**
 * Jobs as child processes of the Plinth host: the embedded default, needs nothing installed.
 * They run as the Plinth service user: offer it only where every user may run programs on that host.
 */
export const localExecutor = adapter(executorPoint, {
  name: 'local',
  description: 'This machine: jobs run as processes of the Plinth server, a CPU-slot queue',
  capabilities: { arrays: true, gpus: false, cancel: true, accounting: false },
  configSchema: LocalConfig,
  create: ({ config, logger }) => {
    const { outputRoot, maxCpus } = config as { outputRoot: string; maxCpus?: number };
    return new LocalExecutor({ root: outputRoot, maxCpus }, logger);
  },
});
