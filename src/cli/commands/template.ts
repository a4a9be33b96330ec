import { resolve } from 'node:path';
import type { Command } from 'commander';
import { CliError } from '../cli-error.js';
import { createContext } from '../context.js';
import { type CliIo, table } from '../output.js';
import type { TemplateSummary } from '../template-api.js';
import { checkLines } from '../template-views.js';

/** `plinth template …`: list the platform's templates; check a template folder offline. */
export function registerTemplate(program: Command, io: CliIo): void {
  const template = program
    .command('template')
    .description('list templates; check a template folder offline before you push it')
    .addHelpText(
      'after',
      `
Examples:
  $ plinth template ls --type infrastructure
  $ plinth template validate templates/python-research-project`,
    );

  template
    .command('ls')
    .description('the templates of the platform: name, type, title, tags')
    .option('--type <type>', 'only templates of this type (project, infrastructure, experiment...)')
    .option('--tag <tag>', 'only templates with this tag')
    .option('-q, --query <text>', 'text in the name, title, description or tags')
    .addHelpText(
      'after',
      `
Examples:
  $ plinth template ls
  $ plinth template ls --tag terraform --json`,
    )
    .action(async (opts: { type?: string; tag?: string; query?: string }, command: Command) => {
      const ctx = createContext(command, io);
      const list = await ctx.client().request<{ items: TemplateSummary[] }>('GET', '/api/templates', {
        query: { type: opts.type, tag: opts.tag, q: opts.query },
      });
      ctx.out.result(list, () =>
        list.items.length === 0
          ? ''
          : table(list.items, [
              { heading: 'name', cell: (t) => t.name },
              { heading: 'type', cell: (t) => t.type },
              { heading: 'title', cell: (t) => t.title },
              { heading: 'tags', cell: (t) => t.tags.join(',') },
            ]),
      );
      if (list.items.length === 0)
        ctx.out.info('No template matches. Keepers add them under templates/ in the platform repo.');
    });

  template
    .command('validate <folder>')
    .description(
      'check a template folder offline: its template.yaml, form, skeleton rendered with the sample values, policy checks',
    )
    .addHelpText(
      'after',
      `
The skeleton is rendered with each field's default, else its first example, else its first enum
value: give every required field a default or an example so that the check can render it.

Examples:
  $ plinth template validate templates/python-research-project
  $ plinth template validate templates/my-template --json`,
    )
    .action(async (folder: string, _opts: unknown, command: Command) => {
      const ctx = createContext(command, io);
      const report = await validateFolder(resolve(folder));
      ctx.out.result(report, () => {
        const lines = report.problems.map((p) => `error: ${p}`);
        if (report.checks.length)
          lines.push('Policy checks with the sample values:', checkLines(report.checks));
        return `${lines.join('\n')}\n`;
      });
      if (report.problems.length > 0) {
        throw new CliError('CLI_PROBLEMS_FOUND', `${folder}: ${report.problems.length} problem(s).`, {
          details: report,
        });
      }
      ctx.out.info(`${folder}: valid (${report.files} files rendered).`);
    });
}

interface Report {
  problems: string[];
  files: number;
  checks: Awaited<ReturnType<import('../../scaffolder/index.js').ScaffolderEngine['dryRun']>>['checks'];
}

async function validateFolder(folder: string): Promise<Report> {
  const { compilePage, parameterPages, readTemplateFolder, sampleValues, standaloneEngine } = await import(
    '../../scaffolder/index.js'
  );
  const { template, problems } = await readTemplateFolder(folder);
  if (!template) return { problems, files: 0, checks: [] };
  const pages = parameterPages(template.spec);
  pages.forEach((page, i) => {
    const error = compilePage(page);
    if (error) problems.push(`spec.parameters.${i}: not a valid JSON Schema: ${error}`);
    // The form checks a page before moving on: a field required there must be asked there.
    const fields = Object.keys((page.properties ?? {}) as object);
    for (const key of (page.required as string[] | undefined) ?? []) {
      if (!fields.includes(key))
        problems.push(`spec.parameters.${i}.required: '${key}' is not a field of this page`);
    }
  });
  const engine = await standaloneEngine();
  for (const step of template.spec.steps) {
    try {
      engine.action(step.action, step.id);
    } catch (error) {
      problems.push((error as Error).message);
    }
  }
  try {
    engine.chosenChecks(template);
  } catch (error) {
    problems.push((error as Error).message);
  }
  if (problems.length > 0) return { problems, files: 0, checks: [] };
  try {
    const result = await engine.dryRun(template, sampleValues(pages), {
      username: 'validate',
      displayName: 'Template Check',
      email: 'check@localhost',
    });
    for (const c of result.checks.filter((c) => c.blocking && !c.passed)) {
      problems.push(`policy check '${c.name}' fails on the output: ${c.findings[0]?.message ?? ''}`);
    }
    return { problems, files: result.files.length, checks: result.checks };
  } catch (error) {
    const e = error as { message: string; details?: { field: string; message: string }[] };
    problems.push(e.details ? `the sample values do not fill the form: ${e.message}` : e.message);
    return { problems, files: 0, checks: [] };
  }
}
