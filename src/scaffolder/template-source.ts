import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  builtInKinds,
  createKindRegistry,
  type KindRegistry,
  parseCatalogFile,
  type TemplateSpec,
  templateKind,
  validateEntity,
} from '../catalog/index.js';
import { scaffolderErrors } from './errors.js';

let kinds: KindRegistry | undefined;

/** The built-in kinds plus Template, as the server's catalog knows them. */
function templateKinds(): KindRegistry {
  kinds ??= createKindRegistry([...builtInKinds, templateKind]);
  return kinds;
}

/** A template ready to run: what the catalog says about it, and the folder of its files. */
export interface LoadedTemplate {
  ref: string;
  namespace: string;
  name: string;
  title: string;
  description: string | null;
  type: string;
  owner: string | null;
  tags: string[];
  spec: TemplateSpec;
  /** The folder holding template.yaml and skeleton/. */
  folder: string;
  /** The repository or location folder the template was found in: its files never leave it. */
  root?: string;
}

/** Builds a loaded template from an entity as the catalog stores it. */
export function fromEntity(entity: Record<string, unknown>, folder: string, root?: string): LoadedTemplate {
  const metadata = entity.metadata as {
    name: string;
    namespace?: string;
    title?: string;
    description?: string;
    tags?: string[];
  };
  const spec = entity.spec as TemplateSpec;
  const namespace = metadata.namespace ?? 'default';
  return {
    ref: `template:${namespace}/${metadata.name}`,
    namespace,
    name: metadata.name,
    title: metadata.title ?? metadata.name,
    description: metadata.description ?? null,
    type: spec.type,
    owner: spec.owner ?? null,
    tags: metadata.tags ?? [],
    spec,
    folder,
    root,
  };
}

/** Problems found in a template.yaml read from disk, as lines for people. */
export interface FolderTemplate {
  template: LoadedTemplate | null;
  problems: string[];
}

/**
 * Reads `template.yaml` from a folder and validates it as the catalog would: the CLI's
 * offline `plinth template validate` and `plinth new ./folder` use it.
 */
export async function readTemplateFolder(folder: string): Promise<FolderTemplate> {
  const path = join(folder, 'template.yaml');
  const text = await readFile(path, 'utf8').catch(() => null);
  if (text === null)
    return {
      template: null,
      problems: [`${path}: not found (a template folder holds template.yaml and skeleton/)`],
    };
  const parsed = parseCatalogFile(text, 'template.yaml');
  const problems = parsed.problems
    .filter((p) => p.severity === 'error')
    .map((p) => `template.yaml:${p.line}: ${p.message}`);
  const first = parsed.entities[0];
  if (!first)
    return { template: null, problems: problems.length ? problems : ['template.yaml holds no entity'] };
  for (const p of validateEntity(first, templateKinds())) {
    if (p.severity === 'error') problems.push(`template.yaml:${p.line}: ${p.message}`);
  }
  if (first.entity.kind !== 'Template')
    problems.push(`template.yaml: kind is ${first.entity.kind}, not Template`);
  if (problems.length) return { template: null, problems };
  return { template: fromEntity(first.entity as unknown as Record<string, unknown>, folder), problems };
}

/** Throws TEMPLATE_INVALID unless the folder holds a valid template. */
export async function loadTemplateFolder(folder: string): Promise<LoadedTemplate> {
  const { template, problems } = await readTemplateFolder(folder);
  if (!template) throw scaffolderErrors.TEMPLATE_INVALID.create([folder, problems.join('; ')]);
  return template;
}
