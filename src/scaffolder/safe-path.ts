import { posix } from 'node:path';

/**
 * The normalized relative path of a rendered file, or the reason it would leave the output
 * folder. Rendered names are checked after rendering, so a parameter cannot smuggle `..` in.
 * @example safeRelativePath('src/{{x}}/../a.py') // { path: 'src/a.py' } once rendered
 */
export function safeRelativePath(rendered: string): { path: string } | { reason: string } {
  if (rendered.includes('\0')) return { reason: 'the name holds a NUL character' };
  const slashed = rendered.replaceAll('\\', '/');
  if (slashed.startsWith('/') || /^[a-zA-Z]:/.test(slashed)) {
    return { reason: 'an absolute path is not allowed; paths are relative to the new project' };
  }
  const parts = slashed.split('/');
  if (parts.includes('..')) return { reason: "'..' would leave the project folder" };
  const path = posix
    .normalize(slashed)
    .replace(/^(\.\/)+/, '')
    .replace(/\/+$/, '');
  if (path === '' || path === '.') return { reason: 'the name renders to nothing' };
  if (parts.some((p) => p === '.git')) return { reason: "'.git' is reserved for the repository itself" };
  return { path };
}
