import { Value } from 'typebox/value';
import type { PlinthError } from '../core/errors.js';
import { scaffolderErrors } from './errors.js';
import type { ActionServices, ScaffolderAction, TaskUser } from './extension.js';
import { createLiquid, type RenderBounds } from './liquid-engine.js';
import { blockingFailure, type ChosenCheck, runChecks } from './run-checks.js';
import { safeRelativePath } from './safe-path.js';
import type { CheckResult, OutputLink, StepView } from './schemas.js';
import { readSkeleton, type SkeletonFile } from './skeleton.js';
import { conditionHolds, renderInput } from './step-input.js';
import type { LoadedTemplate } from './template-source.js';
import { type OutputBounds, Workspace } from './workspace.js';

/** What a run reports as it goes: the task service stores it, a dry run collects it. */
export interface RunHooks {
  step?(id: string, patch: Partial<StepView>): Promise<void> | void;
  log?(stepId: string | null, level: 'info' | 'warn' | 'error', message: string): Promise<void> | void;
  checks?(results: CheckResult[]): Promise<void> | void;
}

export interface RunLimits {
  output: OutputBounds;
  render: RenderBounds;
  /** Whole-render deadline of one template:render step. */
  deadlineMs: number;
}

export interface RunOptions {
  template: LoadedTemplate;
  /** Validated form values, defaults filled in. */
  parameters: Record<string, unknown>;
  user: TaskUser;
  dryRun: boolean;
  taskDir: string | null;
  taskId: string | null;
  action(id: string, stepId: string): ScaffolderAction;
  checks: ChosenCheck[];
  services: ActionServices;
  limits: RunLimits;
  hooks?: RunHooks;
}

export interface RunResult {
  workspace: Workspace;
  steps: StepView[];
  checks: CheckResult[];
  output: OutputLink[];
}

/** The steps of a template as the task shows them before anything ran. */
export function initialSteps(template: LoadedTemplate): StepView[] {
  return template.spec.steps.map((s) => ({
    id: s.id,
    name: s.name ?? s.id,
    action: s.action,
    state: 'pending',
    startedAt: null,
    endedAt: null,
    error: null,
    note: null,
  }));
}

/**
 * Runs a template's steps in order. Policy checks run on the output just before the first step
 * that publishes (or at the end): a failing blocking check stops a real run there. A dry run
 * runs only the steps without side effects and writes nothing anywhere.
 * Throws the failing step's error after reporting it through the hooks.
 */
export async function runTemplate(options: RunOptions): Promise<RunResult> {
  const { template, hooks = {} } = options;
  const liquid = createLiquid(options.limits.render);
  const workspace = new Workspace(options.limits.output);
  const steps = initialSteps(template);
  const outputs: Record<string, Record<string, unknown>> = {};
  const values: Record<string, unknown> = {
    parameters: options.parameters,
    user: options.user,
    template: { name: template.name, namespace: template.namespace, ref: template.ref },
    steps: outputs,
  };
  const skeletons = new Map<string, SkeletonFile[]>();
  const update = async (step: StepView, patch: Partial<StepView>) => {
    Object.assign(step, patch);
    await hooks.step?.(step.id, patch);
  };
  let checks: CheckResult[] | null = null;
  const check = async () => {
    checks = runChecks(options.checks, workspace);
    await hooks.checks?.(checks);
    for (const r of checks) {
      const level = r.passed ? 'info' : r.blocking ? 'error' : 'warn';
      await hooks.log?.(
        null,
        level,
        `Check ${r.title}: ${r.passed ? 'passed' : `${r.findings.length} finding(s)`}`,
      );
    }
    return blockingFailure(checks);
  };

  for (const [index, def] of template.spec.steps.entries()) {
    const step = steps[index] as StepView;
    const where = `steps.${def.id}`;
    const action = options.action(def.action, def.id);
    if (action.sideEffects && checks === null) {
      const failure = await check();
      if (failure && !options.dryRun) {
        for (const rest of steps.slice(index))
          await update(rest, { state: 'skipped', note: 'stopped by policy checks' });
        throw scaffolderErrors.TASK_CHECKS_FAILED.create([failure]);
      }
    }
    if (!(await conditionHolds(liquid, def.if, values, `${where}.if`))) {
      await update(step, { state: 'skipped', note: 'its condition is false' });
      continue;
    }
    if (action.sideEffects && options.dryRun) {
      await update(step, { state: 'skipped', note: 'a dry run publishes nothing' });
      continue;
    }
    await update(step, { state: 'running', startedAt: new Date().toISOString() });
    await hooks.log?.(def.id, 'info', `${step.name} (${def.action})`);
    try {
      const rendered = (await renderInput(liquid, def.input ?? {}, values, `${where}.input`)) as Record<
        string,
        unknown
      >;
      const input = Value.Default(action.inputSchema, rendered) as Record<string, unknown>;
      if (!Value.Check(action.inputSchema, input)) {
        const first = [...Value.Errors(action.inputSchema, input)][0];
        const field = first?.instancePath.replace(/^\//, '').replaceAll('/', '.') || 'input';
        throw scaffolderErrors.SCAFFOLDER_ACTION_INPUT_INVALID.create([
          def.id,
          def.action,
          `${field}: ${first?.message}`,
        ]);
      }
      outputs[def.id] = {
        output: await action.run(
          {
            workspace,
            liquid,
            values,
            user: options.user,
            taskDir: options.dryRun ? null : options.taskDir,
            taskId: options.taskId,
            services: options.services,
            renderDeadlineMs: options.limits.deadlineMs,
            log: (message) => void hooks.log?.(def.id, 'info', message),
            readSkeleton: async (url) => {
              const safe = safeRelativePath(url);
              if ('reason' in safe)
                throw scaffolderErrors.TEMPLATE_PATH_ESCAPE.create([
                  `${where}.input.url '${url}'`,
                  safe.reason,
                ]);
              const cached =
                skeletons.get(safe.path) ?? (await readSkeleton(template, safe.path, options.limits.output));
              skeletons.set(safe.path, cached);
              return cached;
            },
          },
          input,
        ),
      };
      await update(step, { state: 'succeeded', endedAt: new Date().toISOString() });
    } catch (error) {
      const known = (error as PlinthError).code ? (error as PlinthError) : null;
      const message = known?.message ?? (error as Error).message;
      await hooks.log?.(def.id, 'error', message);
      await update(step, { state: 'failed', endedAt: new Date().toISOString(), error: message });
      for (const rest of steps.slice(index + 1))
        await update(rest, { state: 'skipped', note: 'an earlier step failed' });
      throw (
        known ??
        scaffolderErrors.SCAFFOLDER_ACTION_FAILED.create([def.id, def.action, message], { cause: error })
      );
    }
  }
  if (checks === null) {
    const failure = await check();
    if (failure && !options.dryRun) throw scaffolderErrors.TASK_CHECKS_FAILED.create([failure]);
  }
  return { workspace, steps, checks: checks ?? [], output: await outputLinks(liquid, template, values) };
}

async function outputLinks(
  liquid: ReturnType<typeof createLiquid>,
  template: LoadedTemplate,
  values: Record<string, unknown>,
): Promise<OutputLink[]> {
  const links: OutputLink[] = [];
  for (const [i, link] of (template.spec.output?.links ?? []).entries()) {
    const rendered = (await renderInput(liquid, link, values, `output.links.${i}`)) as Record<
      string,
      unknown
    >;
    const url = typeof rendered.url === 'string' && rendered.url ? rendered.url : null;
    const entityRef =
      typeof rendered.entityRef === 'string' && rendered.entityRef ? rendered.entityRef : null;
    if (!url && !entityRef) continue;
    links.push({
      title: typeof rendered.title === 'string' ? rendered.title : (url ?? entityRef ?? ''),
      url,
      entityRef,
      icon: typeof rendered.icon === 'string' ? rendered.icon : null,
    });
  }
  return links;
}
