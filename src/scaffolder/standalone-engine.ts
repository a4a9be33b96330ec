import { builtInActions } from './actions/index.js';
import type { PolicyCheck } from './checks/index.js';
import { builtInChecks } from './checks/index.js';
import { ScaffolderEngine } from './engine.js';
import type { ActionServices, ScaffolderAction } from './extension.js';
import { DEFAULT_RENDER_BOUNDS } from './liquid-engine.js';
import type { RunLimits } from './template-runner.js';

const silent = { config: {}, logger: console as never };

/**
 * An engine with the built-in actions and checks, for tests and for the CLI's offline commands
 * (`plinth template validate`, `plinth new ./folder`), which run templates without a server.
 */
export async function standaloneEngine(
  options: {
    limits?: Partial<RunLimits>;
    requiredChecks?: string[];
    services?: Partial<ActionServices>;
  } = {},
): Promise<ScaffolderEngine> {
  const actions = new Map<string, ScaffolderAction>();
  for (const a of builtInActions) {
    const action = await a.create(silent);
    actions.set(action.id, action);
  }
  const checks = new Map<string, PolicyCheck>();
  for (const c of builtInChecks) checks.set(c.name, await c.create(silent));
  return new ScaffolderEngine(actions, checks, {
    requiredChecks: options.requiredChecks ?? ['no-secrets'],
    limits: {
      output: { maxFiles: 5_000, maxBytes: 50 * 1024 * 1024 },
      render: DEFAULT_RENDER_BOUNDS,
      deadlineMs: 20_000,
      ...options.limits,
    },
    services: {
      remotes: new Map(),
      registerLocation: async () => {
        throw new Error('catalog:register needs a Plinth server');
      },
      ...options.services,
    },
  });
}
