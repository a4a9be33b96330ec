import type { Liquid } from 'liquidjs';
import { scaffolderErrors } from './errors.js';
import { safeRelativePath } from './safe-path.js';
import type { SkeletonFile } from './skeleton.js';
import { isBinary, type Workspace } from './workspace.js';

export interface RenderOptions {
  /** Where rendered files go inside the workspace ('' = its root). */
  targetPath?: string;
  /** Whole-render deadline in ms, checked between files (each file also has liquidjs' own limit). */
  deadlineMs: number;
  /** The name shown in errors for the source folder. */
  label?: string;
}

/**
 * Renders skeleton files into the workspace: Liquid in contents and in file and folder names,
 * binary files copied as is. A file whose name renders to an empty segment is left out (how a
 * template makes a file optional); a name that would escape the project is refused.
 * @returns the paths written
 */
export async function renderSkeleton(
  liquid: Liquid,
  files: SkeletonFile[],
  context: Record<string, unknown>,
  workspace: Workspace,
  options: RenderOptions,
): Promise<string[]> {
  const started = Date.now();
  const label = options.label ?? 'skeleton';
  const written: string[] = [];
  for (const file of files) {
    if (Date.now() - started > options.deadlineMs) {
      throw scaffolderErrors.TEMPLATE_LIMIT_EXCEEDED.create([
        `Rendering took longer than ${options.deadlineMs} ms, the limit (stopped at ${label}/${file.path})`,
      ]);
    }
    const name = await renderText(liquid, file.path, context, `${label}/${file.path} (its name)`);
    const joined = options.targetPath ? `${options.targetPath}/${name}` : name;
    const checked = checkRenderedPath(joined, `${label}/${file.path}`);
    if (!checked) continue;
    const data = isBinary(file.data)
      ? file.data
      : Buffer.from(await renderText(liquid, file.data.toString('utf8'), context, `${label}/${file.path}`));
    workspace.write(checked, data);
    written.push(checked);
  }
  return written;
}

/** The path to write, null when a segment rendered empty (the file is optional), or an error. */
function checkRenderedPath(rendered: string, source: string): string | null {
  const slashed = rendered.replaceAll('\\', '/');
  const segments = slashed.split('/');
  const escapes = slashed.startsWith('/') || segments.includes('..') || /^[a-zA-Z]:/.test(slashed);
  if (!escapes && segments.some((s) => s.trim() === '')) return null;
  const safe = safeRelativePath(slashed);
  if ('reason' in safe) {
    throw scaffolderErrors.TEMPLATE_PATH_ESCAPE.create([`${source} renders to '${rendered}'`, safe.reason]);
  }
  return safe.path;
}

/** Renders one text, turning liquidjs errors (syntax, limits) into a template error that names the file. */
export async function renderText(
  liquid: Liquid,
  text: string,
  context: Record<string, unknown>,
  where: string,
): Promise<string> {
  try {
    return await liquid.parseAndRender(text, context);
  } catch (error) {
    const message = (error as Error).message.split('\n')[0] ?? 'cannot render';
    if (/limit exceeded/i.test(message)) {
      throw scaffolderErrors.TEMPLATE_LIMIT_EXCEEDED.create([`${where}: ${message}`], { cause: error });
    }
    throw scaffolderErrors.TEMPLATE_RENDER_FAILED.create([where, message], { cause: error });
  }
}
