import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Command } from 'commander';
import type { CatalogFile, CatalogProblem } from '../../catalog/index.js';
import { CliError } from '../cli-error.js';
import { type CliIo, processIo } from '../output.js';

/**
 * `plinth catalog validate <path...>`: checks catalog files offline, with the validator the
 * server uses. Prints each problem as `file:line:col code message` (or JSON with `--json`) and a
 * summary; fails (exit 1) when there is an error, not for warnings alone.
 * @example program.command('catalog').addCommand(catalogValidateCommand(io));
 */
export function catalogValidateCommand(io: CliIo = processIo()): Command {
  // Built apart from the program, so it does not inherit these settings: set them here.
  return new Command('validate')
    .description('check catalog YAML files offline; prints each problem at its file, line and column')
    .argument('<path...>', 'YAML files, or folders to read recursively (*.yaml, *.yml)')
    .option('--json', 'print the problems and counts as JSON on stdout, for scripts')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .addHelpText(
      'after',
      `
Examples:
  $ plinth catalog validate catalog/
  $ plinth catalog validate catalog-info.yaml other/catalog-info.yaml
  $ plinth catalog validate . --json | jq '.problems[] | select(.severity == "error")'

Exit status: 0 when there is no error (warnings alone do not fail), 1 otherwise.`,
    )
    .action(async (paths: string[], _opts: unknown, command: Command) => {
      const json = command.optsWithGlobals<{ json?: boolean }>().json === true;
      // Loaded here, not at the top: the validator and its schemas would slow every command's start.
      const { attachJobs, formatProblem, formatSummary, summarizeProblems, validateRevision } = await import(
        '../../catalog/index.js'
      );
      const read = await readPaths(paths);
      // The kinds the server accepts: the built-in ones and the plug-in Template kind.
      const { builtInKinds, createKindRegistry, templateKind } = await import('../../catalog/index.js');
      const kinds = createKindRegistry([...builtInKinds, templateKind]);
      const result = validateRevision(read.files, { kinds });
      // The job files that entities point at (plinth.dev/job) are checked as a sync checks them.
      const jobs = attachJobs(result.entities, read.files);
      const problems = [...read.problems, ...result.problems, ...jobs.problems];
      const summary = summarizeProblems(result.entities.length, problems);
      if (json) io.stdout(`${JSON.stringify({ ...summary, problems, skipped: result.skipped }, null, 2)}\n`);
      else if (problems.length > 0) io.stdout(`${problems.map(formatProblem).join('\n')}\n`);
      // Said, so that a catalog file whose apiVersion is mistyped beyond recognition is not missed.
      if (!json && result.skipped.length > 0) {
        const shownFiles = result.skipped.slice(0, 5).join(', ') + (result.skipped.length > 5 ? ', …' : '');
        io.stderr(`skipped ${result.skipped.length} YAML file(s) with no catalog entity: ${shownFiles}\n`);
      }
      // The summary is the error's message, so that it is printed once either way.
      if (summary.errors > 0)
        throw new CliError('CATALOG_INVALID', formatSummary(summary), { details: summary });
      io.stderr(`${formatSummary(summary)}\n`);
    });
}

/** Reads each path (a file, or a folder recursively) once, with paths shown as the user wrote them. */
async function readPaths(
  paths: readonly string[],
): Promise<{ files: CatalogFile[]; problems: CatalogProblem[] }> {
  const { DEFAULT_FOLDER_LIMITS, readCatalogFolder } = await import('../../catalog/index.js');
  const files = new Map<string, CatalogFile>();
  const problems: CatalogProblem[] = [];
  for (const path of paths) {
    const info = await stat(path).catch(() => undefined);
    if (info === undefined) throw CliError.usage(`no such file or folder: ${path}`);
    if (info.isDirectory()) {
      const folder = await readCatalogFolder(path);
      for (const file of folder.files)
        files.set(shown(path, file.path), { ...file, path: shown(path, file.path) });
      for (const problem of folder.problems) problems.push({ ...problem, file: shown(path, problem.file) });
    } else if (info.size > DEFAULT_FOLDER_LIMITS.maxFileBytes) {
      // Refused unread; parsing it would report the same limit after loading it all.
      const message = `the file is larger than the limit of ${DEFAULT_FOLDER_LIMITS.maxFileBytes / (1024 * 1024)} MiB; split it into several files`;
      problems.push({
        file: shown(path),
        line: 1,
        column: 1,
        code: 'CATALOG_YAML_LIMIT',
        severity: 'error',
        message,
      });
    } else {
      files.set(shown(path), { path: shown(path), text: await readFile(path, 'utf8') });
    }
  }
  return { files: [...files.values()], problems };
}

function shown(root: string, relative?: string): string {
  return (relative === undefined ? join(root) : join(root, relative)).replaceAll('\\', '/');
}
