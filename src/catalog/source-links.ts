/** Links into the git host for a file of a location: view at a line, and open in the host's editor. */
export interface SourceLinks {
  viewUrl: string | null;
  editUrl: string | null;
}

const NONE: SourceLinks = { viewUrl: null, editUrl: null };

/** `git@host:org/repo.git` and `https://user@host/org/repo.git` → `https://host/org/repo`. */
export function webBaseOf(target: string): URL | null {
  const scp = /^[\w.-]+@([\w.-]+):(.+)$/.exec(target);
  const candidate = scp ? `https://${scp[1]}/${scp[2]}` : target.replace(/^ssh:\/\/[^@]+@/, 'https://');
  try {
    const url = new URL(candidate);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
    url.username = '';
    url.password = '';
    url.pathname = url.pathname.replace(/\.git$/, '').replace(/\/$/, '');
    return url;
  } catch {
    return null;
  }
}

/**
 * Links for GitHub-like and GitLab hosts (recognised by name); other hosts and plain folders get none,
 * and the portal shows the file path instead.
 */
export function sourceLinks(
  location: { reader: string; target: string; branch: string | null; path: string },
  file: string,
  line: number,
): SourceLinks {
  if (location.reader !== 'git') return NONE;
  const base = webBaseOf(location.target);
  if (!base) return NONE;
  const branch = encodeURIComponent(location.branch ?? 'HEAD');
  const path = [location.path, file]
    .filter(Boolean)
    .join('/')
    .split('/')
    .filter(Boolean)
    .map(encodeURIComponent)
    .join('/');
  const root = base.toString();
  if (base.hostname.includes('gitlab')) {
    return {
      viewUrl: `${root}/-/blob/${branch}/${path}#L${line}`,
      editUrl: `${root}/-/edit/${branch}/${path}`,
    };
  }
  if (
    base.hostname.includes('github') ||
    base.hostname.includes('gitea') ||
    base.hostname.includes('codeberg')
  ) {
    const view = base.hostname.includes('github') ? 'blob' : 'src/branch';
    return {
      viewUrl: `${root}/${view}/${branch}/${path}#L${line}`,
      editUrl: `${root}/edit/${branch}/${path}`,
    };
  }
  return NONE;
}
