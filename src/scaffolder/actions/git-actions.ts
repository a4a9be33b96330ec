import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Type } from 'typebox';
import { scaffolderErrors } from '../errors.js';
import { defineAction } from './define-action.js';
import { git, writeWorkspace } from './git-cli.js';

const REPO_NAME = '^[a-zA-Z0-9][a-zA-Z0-9._-]{0,99}$';

function repoDir(taskDir: string | null): string {
  if (!taskDir) throw new Error('this action needs a task folder (it cannot run in a dry run)');
  return join(taskDir, 'repo');
}

/** Makes the project a git repository with one first commit, authored by the person who ran the task. */
export const gitInitAction = defineAction({
  id: 'git:init',
  description: 'Initializes a git repository with a first commit by the user who runs the template',
  sideEffects: true,
  inputSchema: Type.Object(
    {
      defaultBranch: Type.String({ default: 'main', pattern: '^[A-Za-z0-9._/-]{1,100}$' }),
      message: Type.String({ default: 'Initial commit from a Plinth template', minLength: 1 }),
    },
    { additionalProperties: false },
  ),
  async run(context, input) {
    const dir = repoDir(context.taskDir);
    await rm(dir, { recursive: true, force: true });
    await mkdir(dir, { recursive: true });
    await writeWorkspace(context.workspace, dir);
    const { displayName, email } = context.user;
    await git(['init', '-q', '-b', input.defaultBranch], dir);
    await git(['add', '-A'], dir);
    await git(['commit', '-q', '--allow-empty', '-m', input.message], dir, {
      config: {
        'user.name': displayName,
        'user.email': email,
        'commit.gpgsign': 'false',
      },
    });
    const sha = (await git(['rev-parse', 'HEAD'], dir)).trim();
    context.log(
      `Committed ${context.workspace.paths().length} files as ${displayName} <${email}> (${sha.slice(0, 7)})`,
    );
    return { commit: sha, branch: input.defaultBranch };
  },
});

/** Pushes the repository made by git:init to a configured remote. */
export const gitPushAction = defineAction({
  id: 'git:push',
  description: 'Pushes the new repository to a git remote configured by the Keepers',
  sideEffects: true,
  inputSchema: Type.Object(
    {
      remote: Type.String({ minLength: 1, description: 'Name of a remote in scaffolder.remotes' }),
      repo: Type.String({ pattern: REPO_NAME, description: 'Repository name on that remote' }),
      branch: Type.String({ default: 'main', pattern: '^[A-Za-z0-9._/-]{1,100}$' }),
    },
    { additionalProperties: false },
  ),
  async run(context, input) {
    const remote = context.services.remotes.get(input.remote);
    if (!remote) {
      const known = [...context.services.remotes.keys()].join(', ') || 'none';
      throw scaffolderErrors.SCAFFOLDER_REMOTE_UNKNOWN.create([input.remote, known]);
    }
    const url = `${remote.url.replace(/\/+$/, '')}/${input.repo}.git`;
    const config: Record<string, string> = {};
    if (remote.token) {
      const basic = Buffer.from(`${remote.username ?? 'oauth2'}:${remote.token}`).toString('base64');
      config['http.extraHeader'] = `Authorization: Basic ${basic}`;
    }
    const secrets = [remote.token, config['http.extraHeader']];
    await git(['push', '-q', url, `HEAD:refs/heads/${input.branch}`], repoDir(context.taskDir), {
      config,
      secrets,
    });
    const webUrl = remote.webUrl ? `${remote.webUrl.replace(/\/+$/, '')}/${input.repo}` : url;
    context.log(`Pushed to ${input.remote}: ${webUrl}`);
    return { remoteUrl: url, repoUrl: webUrl, branch: input.branch };
  },
});
