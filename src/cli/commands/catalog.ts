import { type Command, Option } from 'commander';
import {
  type EntityDetail,
  type EntityPage,
  type EntitySummary,
  entityPath,
  type Problem,
  parseEntityRef,
} from '../catalog-api.js';
import {
  entitiesTable,
  entityCount,
  entityDetail,
  loadProblemFormatter,
  problemsByLocation,
} from '../catalog-views.js';
import { CliError } from '../cli-error.js';
import { createContext } from '../context.js';
import { addPageOptions } from '../options.js';
import type { CliIo } from '../output.js';
import { fetchList, type PageOptions, printList } from '../pagination.js';
import { registerCatalogLocations } from './catalog-locations.js';
import { registerCatalogSync } from './catalog-sync.js';
import { catalogValidateCommand } from './catalog-validate.js';

interface ListOptions extends PageOptions {
  kind?: string;
  type?: string;
  owner?: string;
  tag?: string;
  lifecycle?: string;
  namespace?: string;
  q?: string;
  sort?: string;
}

interface ProblemOptions extends PageOptions {
  location?: string;
  owner?: string;
  severity?: string;
  failOnProblems?: boolean;
}

// Spelled out rather than read from the schemas, so that the CLI does not load them to start.
const SORTS = ['name', 'kind', 'owner', 'updated'];
const SEVERITIES = ['error', 'warning'];

/** `plinth catalog …`: browse the software catalog, check its files, and manage where it comes from. */
export function registerCatalog(program: Command, io: CliIo): void {
  const catalog = program
    .command('catalog')
    .description('browse the software catalog, check catalog files, and manage its locations')
    .addHelpText(
      'after',
      `
Examples:
  $ plinth catalog ls --kind component --owner climate
  $ plinth catalog get component:climate-kit
  $ plinth catalog validate catalog/`,
    );
  registerList(catalog, io);
  registerGet(catalog, io);
  registerProblems(catalog, io);
  // Built apart from the program (it also runs on its own), so it takes the program's settings here.
  catalog.addCommand(catalogValidateCommand(io).copyInheritedSettings(catalog));
  registerCatalogSync(catalog, io);
  registerCatalogLocations(catalog, io);
}

function registerList(catalog: Command, io: CliIo): void {
  addPageOptions(
    catalog
      .command('ls')
      .alias('list')
      .description('list entities: ref, title, type, owner and lifecycle')
      .option('--kind <kind>', 'only this kind, e.g. component, api, group')
      .option('--type <type>', 'only this type, e.g. library, service, team')
      .option('--owner <owner>', 'only entities owned by this group (ref or name, e.g. climate)')
      .option('--tag <tag>', 'only entities with this tag')
      .option('--lifecycle <lifecycle>', 'only this lifecycle, e.g. production, deprecated')
      .option('--namespace <namespace>', 'only this namespace')
      .option('--q <text>', 'only entities whose name, title, description or tags contain this text')
      .addOption(new Option('--sort <field>', 'order by this field (default: name)').choices(SORTS)),
  )
    .addHelpText(
      'after',
      `
Examples:
  $ plinth catalog ls --kind component --lifecycle production
  $ plinth catalog ls --owner climate --sort updated
  $ plinth catalog ls --q simulation --all --json | jq -r '.items[].ref'`,
    )
    .action(async (opts: ListOptions, command: Command) => {
      const ctx = createContext(command, io);
      const { kind, type, owner, tag, lifecycle, namespace, q, sort } = opts;
      const query = { kind, type, owner, tag, lifecycle, namespace, q, sort };
      const page = await fetchList<EntitySummary, EntityPage>(
        ctx.client(),
        '/api/catalog/entities',
        query,
        opts,
      );
      if (!ctx.out.json && page.items.length === 0) {
        ctx.out.info(page.total === 0 ? 'No entities match.' : entityCount(0, page.total, page.nextCursor));
        return;
      }
      ctx.out.result(page, (value) => entitiesTable(value.items));
      if (!ctx.out.json || page.nextCursor !== null) {
        ctx.out.info(entityCount(page.items.length, page.total, page.nextCursor));
      }
    });
}

function registerGet(catalog: Command, io: CliIo): void {
  catalog
    .command('get <ref>')
    .description('show one entity: its fields, source file and line, relations and problems')
    .option('--yaml', 'print the entity’s YAML document as written in its file')
    .addHelpText(
      'after',
      `
Refs are kind:namespace/name; kind:name means the default namespace.

Examples:
  $ plinth catalog get component:default/climate-kit
  $ plinth catalog get group:climate --json | jq '.relations'
  $ plinth catalog get component:climate-kit --yaml > climate-kit.yaml`,
    )
    .action(async (ref: string, opts: { yaml?: boolean }, command: Command) => {
      const ctx = createContext(command, io);
      if (opts.yaml && ctx.out.json) throw CliError.usage('--yaml and --json cannot be used together.');
      const parts = parseEntityRef(ref);
      const entity = await ctx
        .client()
        .request<EntityDetail>('GET', entityPath(parts))
        .catch((error: unknown) => {
          throw withSearchHint(error, parts.name);
        });
      if (opts.yaml) {
        io.stdout(entity.raw.endsWith('\n') ? entity.raw : `${entity.raw}\n`);
        return;
      }
      const problems =
        ctx.out.json || entity.problems.length === 0 ? [] : entity.problems.map(await loadProblemFormatter());
      ctx.out.result(entity, (value) => entityDetail(value, problems));
    });
}

/** A missing entity is often a typo or a wrong kind; say how to look for it. */
function withSearchHint(error: unknown, name: string): unknown {
  if (!(error instanceof CliError) || error.code !== 'CATALOG_ENTITY_NOT_FOUND') return error;
  const hint = `${error.message.replace(/\.$/, '')}. Look for it with \`plinth catalog ls --q ${name}\`.`;
  return new CliError(error.code, hint, { status: error.status, details: error.details, cause: error });
}

function registerProblems(catalog: Command, io: CliIo): void {
  addPageOptions(
    catalog
      .command('problems')
      .description('list problems found in the catalog, at file:line:col, by location')
      .option('--location <name>', 'only problems of this location')
      .option('--owner <ref>', 'only problems of entities owned by this group, e.g. climate')
      .addOption(new Option('--severity <severity>', 'only errors, or only warnings').choices(SEVERITIES))
      .option('--fail-on-problems', 'exit 1 when an error is listed, for CI (implies --all)'),
  )
    .addHelpText(
      'after',
      `
Exit status: 0 even when problems are listed, unless --fail-on-problems is given.

Examples:
  $ plinth catalog problems --location platform
  $ plinth catalog problems --owner climate --severity error
  $ plinth catalog problems --fail-on-problems --json > problems.json`,
    )
    .action(async (opts: ProblemOptions, command: Command) => {
      const ctx = createContext(command, io);
      const query = { location: opts.location, owner: opts.owner, severity: opts.severity };
      const pages = { ...opts, all: opts.all === true || opts.failOnProblems === true };
      const page = await fetchList<Problem>(ctx.client(), '/api/catalog/problems', query, pages);
      const text =
        ctx.out.json || page.items.length === 0
          ? ''
          : problemsByLocation(page.items, await loadProblemFormatter());
      printList(ctx.out, page, { empty: 'No problems.', human: () => text });
      const errors = page.items.filter((p) => p.severity === 'error').length;
      const counts = `${plural(errors, 'error')}, ${plural(page.items.length - errors, 'warning')}`;
      if (opts.failOnProblems && errors > 0) {
        throw new CliError('CLI_PROBLEMS_FOUND', `the catalog has problems: ${counts}.`);
      }
      if (!ctx.out.json && page.items.length > 0) ctx.out.info(`${counts}.`);
    });
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}
