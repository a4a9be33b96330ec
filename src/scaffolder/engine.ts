import type { PolicyCheck } from './checks/index.js';
import { scaffolderErrors } from './errors.js';
import type { ActionServices, ScaffolderAction, TaskUser } from './extension.js';
import { parameterPages, validateParameters } from './parameters.js';
import { chooseChecks } from './run-checks.js';
import type { DryRunResult } from './schemas.js';
import { type RunHooks, type RunLimits, runTemplate } from './template-runner.js';
import type { LoadedTemplate } from './template-source.js';
import { isBinary } from './workspace.js';

// A dry run shows each text file; past this size it shows only that the file exists.
const PREVIEW_BYTES = 256 * 1024;

/** What runs templates: the actions and checks registered, the limits, and the platform's services. */
export class ScaffolderEngine {
  constructor(
    private readonly actions: ReadonlyMap<string, ScaffolderAction>,
    readonly checks: ReadonlyMap<string, PolicyCheck>,
    private readonly options: {
      limits: RunLimits;
      requiredChecks: readonly string[];
      services: ActionServices;
    },
  ) {}

  action(id: string, stepId: string): ScaffolderAction {
    const found = this.actions.get(id);
    if (!found) {
      throw scaffolderErrors.SCAFFOLDER_ACTION_UNKNOWN.create([
        stepId,
        id,
        [...this.actions.keys()].sort().join(', '),
      ]);
    }
    return found;
  }

  listActions(): ScaffolderAction[] {
    return [...this.actions.values()].sort((a, b) => a.id.localeCompare(b.id));
  }

  chosenChecks(template: LoadedTemplate) {
    return chooseChecks(this.checks, this.options.requiredChecks, template.spec.checks);
  }

  /** The form's values checked and completed with defaults; a 400 with each field's problem otherwise. */
  parameters(template: LoadedTemplate, input: Record<string, unknown>): Record<string, unknown> {
    const { values, problems } = validateParameters(parameterPages(template.spec), input);
    if (problems.length > 0) {
      const summary = problems.map((p) => `${p.field} ${p.message}`).join('; ');
      throw scaffolderErrors.TEMPLATE_PARAMETERS_INVALID.create([problems.length, summary], {
        details: problems,
      });
    }
    return values;
  }

  run(
    template: LoadedTemplate,
    parameters: Record<string, unknown>,
    user: TaskUser,
    run: { dryRun: boolean; taskDir: string | null; taskId: string | null; hooks?: RunHooks },
  ) {
    return runTemplate({
      template,
      parameters,
      user,
      ...run,
      action: (id, stepId) => this.action(id, stepId),
      checks: this.chosenChecks(template),
      services: this.options.services,
      limits: this.options.limits,
    });
  }

  /** Renders a template in memory and shows what it would create; nothing is written anywhere. */
  async dryRun(
    template: LoadedTemplate,
    input: Record<string, unknown>,
    user: TaskUser,
  ): Promise<DryRunResult> {
    const started = Date.now();
    const parameters = this.parameters(template, input);
    const log: string[] = [];
    const result = await this.run(template, parameters, user, {
      dryRun: true,
      taskDir: null,
      taskId: null,
      hooks: {
        log: (stepId, level, message) =>
          void log.push(`${level === 'info' ? '' : `${level}: `}${stepId ? `[${stepId}] ` : ''}${message}`),
      },
    });
    const files = result.workspace.entries().map(([path, data]) => {
      const binary = isBinary(data);
      return {
        path,
        size: data.length,
        binary,
        content: binary || data.length > PREVIEW_BYTES ? null : data.toString('utf8'),
      };
    });
    return {
      files,
      steps: result.steps,
      checks: result.checks,
      log,
      output: result.output,
      totalBytes: result.workspace.size,
      ms: Date.now() - started,
    };
  }
}
