import type { Liquid } from 'liquidjs';
import type { TSchema } from 'typebox';
import { extensionPoint } from '../core/extension.js';
import type { SkeletonFile } from './skeleton.js';
import type { Workspace } from './workspace.js';

/** The person a task runs for: their name goes into commits and files. */
export interface TaskUser {
  username: string;
  displayName: string;
  email: string;
}

/** A git remote a template may push to, from `scaffolder.remotes`; its token never leaves the action. */
export interface GitRemote {
  name: string;
  /** Base URL; the repository URL is `<url>/<repo>.git`. */
  url: string;
  /** Where people browse the pushed repository (`<webUrl>/<repo>`); defaults to the push URL. */
  webUrl?: string;
  username?: string;
  token?: string;
}

/** What the platform offers actions besides the workspace. */
export interface ActionServices {
  remotes: ReadonlyMap<string, GitRemote>;
  /** Adds a catalog location for `user` (the audit log names them) and syncs it now; returns the entities it brought. */
  registerLocation(
    input: { name: string; target: string; branch: string; path: string },
    user: TaskUser,
  ): Promise<{ entityRefs: string[] }>;
}

/** Everything a step sees while it runs. */
export interface ActionContext {
  workspace: Workspace;
  liquid: Liquid;
  /** The template's skeleton folder, read once. */
  readSkeleton(path: string): Promise<SkeletonFile[]>;
  /** The values the Liquid of this template sees: parameters, user, steps' outputs. */
  values: Record<string, unknown>;
  user: TaskUser;
  /** A folder of this task on disk for actions that publish; never set in a dry run. */
  taskDir: string | null;
  taskId: string | null;
  log(message: string): void;
  services: ActionServices;
  /** Whole-render deadline, from config. */
  renderDeadlineMs: number;
}

/**
 * A step of a template: validated input in, output values out. Actions with `sideEffects`
 * publish something (a repository, a catalog entry, a download) and are skipped by a dry run,
 * and policy checks run before the first of them.
 */
export interface ScaffolderAction {
  /** The name templates write in `action:`, `area:verb` (`fs:rename`). */
  readonly id: string;
  readonly description: string;
  readonly inputSchema: TSchema;
  readonly sideEffects: boolean;
  run(context: ActionContext, input: Record<string, unknown>): Promise<Record<string, unknown>>;
}

/** The extension point of template actions. */
export const actionPoint = extensionPoint<ScaffolderAction>('scaffolder.action');

/** The registry name of an action: `fs:rename` is registered as `fs-rename` (names are kebab-case). */
export function actionAdapterName(id: string): string {
  return id.replace(':', '-');
}
