import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Command } from 'commander';
import { CliError } from '../cli-error.js';
import { type CliContext, createContext } from '../context.js';
import { collect } from '../options.js';
import type { CliIo } from '../output.js';
import { type DryRun, type TemplateDetail, templatePath } from '../template-api.js';
import { askField } from '../template-prompts.js';
import { runTask } from '../template-run.js';
import { formFields, parseSet } from '../template-values.js';
import { checkLines, fileTree, outputLines, stepLines } from '../template-views.js';

interface NewOptions {
  set?: string[];
  out?: string;
  dryRun?: boolean;
  interactive?: boolean;
}

/** `plinth new <template>`: fill a template's form from flags and prompts, then dry-run it, write it, or run it. */
export function registerNew(program: Command, io: CliIo): void {
  program
    .command('new <template>')
    .description('create a project or cloud resources from a template; asks for what --set does not give')
    .option('--set <key=value>', 'a value of the template’s form (repeatable)', collect)
    .option(
      '--out <dir>',
      'write the new project into this folder instead of running the template on the platform',
    )
    .option('--dry-run', 'show the files and policy checks the template would produce; create nothing')
    .option('-i, --interactive', 'ask for missing values even when stdin is not a terminal')
    .addHelpText(
      'after',
      `
<template> is a template's name (python-research-project, or template:default/python-research-project)
on the signed-in server, or a folder holding template.yaml, which works offline with --out or --dry-run.

Without --out, the template runs on the platform as a task (git repository, catalog entry, zip...)
and its log is printed as it goes. Missing required values are asked for when a person is there;
a script gets exit 7 with the list of what is missing.

Examples:
  $ plinth new python-research-project
  $ plinth new slurm-batch-experiment --set name=heat-sweep --set owner=climate --set arraySize=20
  $ plinth new cloud-object-storage --set provider=gcp --dry-run
  $ plinth new ./templates/my-template --out ./my-project --set name=demo`,
    )
    .action(async (ref: string, opts: NewOptions, command: Command) => {
      const ctx = createContext(command, io);
      const local = existsSync(join(ref, 'template.yaml'));
      if (local && !opts.out && !opts.dryRun) {
        throw CliError.usage(
          'a template folder runs offline: add --out DIR to write the project, or --dry-run.',
        );
      }
      const source = local ? await localSource(ref) : serverSource(ctx, ref);
      const detail = await source.detail();
      const parameters = await fillForm(ctx, detail, opts);
      if (opts.dryRun || opts.out) {
        const result = await source.dryRun(parameters);
        if (opts.dryRun) return printDryRun(ctx, result);
        return writeProject(ctx, result, opts.out as string);
      }
      const client = ctx.client();
      ctx.out.info(`Running ${detail.title}…`);
      const task = await runTask(client, { templateRef: detail.ref, parameters }, (line) => {
        if (!ctx.out.json) ctx.out.info(`${line.stepId ? `[${line.stepId}] ` : ''}${line.message}`);
      });
      ctx.out.result(
        task,
        () =>
          `${stepLines(task.steps)}\n${task.output.length ? `\n${outputLines(task.output, client.baseUrl)}\n` : ''}`,
      );
      if (task.state !== 'succeeded') {
        throw new CliError(
          'CLI_TASK_FAILED',
          `task ${task.id} failed: ${task.error?.message ?? task.state}. Run it again with \`plinth task rerun ${task.id}\`.`,
        );
      }
    });
}

interface Source {
  detail(): Promise<TemplateDetail & { ref: string }>;
  dryRun(parameters: Record<string, unknown>): Promise<DryRun>;
}

function serverSource(ctx: CliContext, ref: string): Source {
  const client = ctx.client();
  return {
    detail: () => client.request<TemplateDetail>('GET', templatePath(ref)),
    dryRun: (parameters) =>
      client.request<DryRun>('POST', `${templatePath(ref)}/dry-run`, { body: { parameters } }),
  };
}

async function localSource(folder: string): Promise<Source> {
  // Loaded here: the engine and its schemas would slow the start of every other command.
  const { loadTemplateFolder, parameterPages, standaloneEngine } = await import('../../scaffolder/index.js');
  const template = await loadTemplateFolder(resolve(folder));
  const engine = await standaloneEngine();
  const user = {
    username: process.env.USER ?? 'you',
    displayName: process.env.USER ?? 'you',
    email: `${process.env.USER ?? 'you'}@localhost`,
  };
  return {
    detail: async () => ({
      ref: template.ref,
      namespace: template.namespace,
      name: template.name,
      title: template.title,
      description: template.description,
      type: template.type,
      owner: template.owner,
      tags: template.tags,
      parameters: parameterPages(template.spec),
      steps: template.spec.steps.map((s) => ({ id: s.id, name: s.name ?? s.id, action: s.action })),
    }),
    dryRun: (parameters) => engine.dryRun(template, parameters, user),
  };
}

/** The form's values: --set first, then prompts for what is missing or wrong, checked as the server does. */
async function fillForm(
  ctx: CliContext,
  detail: TemplateDetail,
  opts: NewOptions,
): Promise<Record<string, unknown>> {
  const { validateParameters } = await import('../../scaffolder/parameters.js');
  const fields = formFields(detail.parameters);
  const values = parseSet(opts.set ?? [], fields);
  const check = (key: string, value: unknown) => {
    const field = fields.find((f) => f.key === key);
    if (!field) return undefined;
    const page = { properties: { [key]: field.schema } };
    const problem = validateParameters([page], { [key]: value }).problems[0];
    return problem ? `${field.schema.title ?? key} ${problem.message}` : undefined;
  };
  const interactive = ctx.interactive || opts.interactive === true;
  for (let round = 0; round < 20; round++) {
    const { problems } = validateParameters(detail.parameters, values);
    if (problems.length === 0) {
      // Prompts left stdin flowing; paused, it no longer keeps the process alive once the work is done.
      if (round > 0) {
        ctx.io.stdin.pause();
        (ctx.io.stdin as { unref?: () => void }).unref?.();
      }
      return values;
    }
    if (!interactive) {
      const list = problems.map((p) => `${p.field} ${p.message}`).join('; ');
      throw new CliError(
        'TEMPLATE_PARAMETERS_INVALID',
        `the form is not complete: ${list}. Give them with --set key=value.`,
        {
          status: 400,
          details: problems,
        },
      );
    }
    if (round === 0) ctx.out.info(`${detail.title}: a few questions (Ctrl-C to stop).`);
    const again = problems
      .map((p) => p.field.split('.')[0] ?? p.field)
      .filter((k) => fields.some((f) => f.key === k));
    if (again.length === 0)
      throw new CliError('TEMPLATE_PARAMETERS_INVALID', problems[0]?.message ?? 'invalid form', {
        status: 400,
      });
    for (const key of again) {
      const field = fields.find((f) => f.key === key);
      if (field) values[key] = await askField(field, check, ctx.io);
    }
  }
  throw new CliError('TEMPLATE_PARAMETERS_INVALID', 'the form is still not valid', { status: 400 });
}

function printDryRun(ctx: CliContext, result: DryRun): void {
  ctx.out.result(result, () =>
    [
      `${result.files.length} files, ${result.totalBytes} bytes (dry run: nothing was created)`,
      fileTree(result.files),
      '',
      'Steps:',
      stepLines(result.steps),
      '',
      'Policy checks:',
      checkLines(result.checks),
      '',
    ].join('\n'),
  );
}

function writeProject(ctx: CliContext, result: DryRun, out: string): void {
  const failed = result.checks.filter((c) => c.blocking && !c.passed);
  if (failed.length > 0) {
    throw new CliError(
      'TASK_CHECKS_FAILED',
      `policy checks failed, nothing written:\n${checkLines(failed)}`,
      { status: 422 },
    );
  }
  if (existsSync(out) && readdirSync(out).length > 0)
    throw CliError.usage(`--out ${out}: the folder is not empty.`);
  for (const file of result.files) {
    if (file.content === null)
      throw new CliError(
        'CLI_USAGE',
        `${file.path} is binary or large: run the template on the platform to get it.`,
      );
    const target = join(out, file.path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, file.content, { mode: file.content.startsWith('#!') ? 0o755 : 0o644 });
  }
  ctx.out.result(
    { out: resolve(out), files: result.files.map((f) => f.path) },
    () => `${fileTree(result.files)}\n`,
  );
  ctx.out.info(`Created ${result.files.length} files in ${out}. Read its README.md for the next steps.`);
}
