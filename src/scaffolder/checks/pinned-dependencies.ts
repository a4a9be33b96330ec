import { defineCheck, type Finding, lineAt } from './check.js';
import { matchingBrace } from './hcl-blocks.js';

const PY_REQUIREMENT = /^\s*([A-Za-z0-9][A-Za-z0-9._-]*)(\[[^\]]*\])?\s*(.*)$/;

function pythonFinding(spec: string, file: string, line: number): Finding | null {
  const match = PY_REQUIREMENT.exec(spec.split(';')[0] ?? '');
  if (!match) return null;
  const version = (match[3] ?? '').trim();
  if (/^===?\s*[0-9]/.test(version)) return null;
  return { file, line, message: `${match[1]} is not pinned; write ${match[1]}==<version>` };
}

function requirementsFile(path: string, text: string): Finding[] {
  return text.split('\n').flatMap((raw, i) => {
    const line = raw.replace(/#.*/, '').trim();
    if (!line || line.startsWith('-')) return [];
    const finding = pythonFinding(line, path, i + 1);
    return finding ? [finding] : [];
  });
}

function pyproject(path: string, text: string): Finding[] {
  const findings: Finding[] = [];
  let section = '';
  let inList = false;
  text.split('\n').forEach((raw, i) => {
    const line = raw.replace(/#.*/, '');
    const header = /^\s*\[([^\]]+)\]\s*$/.exec(line);
    if (header && !inList) {
      section = header[1] ?? '';
      return;
    }
    const start = /^\s*([A-Za-z0-9_-]+)\s*=\s*\[/.exec(line);
    const listed =
      (section === 'project' && start?.[1] === 'dependencies') ||
      ((section === 'project.optional-dependencies' || section === 'dependency-groups') && start);
    if (start) inList = Boolean(listed);
    if (!inList) return;
    for (const item of line.matchAll(/["']([^"']+)["']/g)) {
      const finding = pythonFinding(item[1] ?? '', path, i + 1);
      if (finding) findings.push(finding);
    }
    if (line.includes(']')) inList = false;
  });
  return findings;
}

function packageJson(path: string, text: string): Finding[] {
  let parsed: Record<string, Record<string, string>>;
  try {
    parsed = JSON.parse(text);
  } catch {
    return [];
  }
  const findings: Finding[] = [];
  for (const section of ['dependencies', 'devDependencies', 'optionalDependencies']) {
    for (const [name, range] of Object.entries(parsed[section] ?? {})) {
      if (!/^\d+\.\d+\.\d+/.test(range)) {
        findings.push({ file: path, message: `${name}@${range} is a range; pin an exact version` });
      }
    }
  }
  return findings;
}

function terraform(path: string, text: string): Finding[] {
  const findings: Finding[] = [];
  const start = /required_providers\s*\{/.exec(text);
  if (!start) return findings;
  const open = start.index + start[0].length - 1;
  const body = text.slice(open + 1, matchingBrace(text, open));
  for (const provider of body.matchAll(/(\w+)\s*=\s*\{([^}]*)\}/g)) {
    if (!/version\s*=/.test(provider[2] ?? '')) {
      findings.push({
        file: path,
        line: lineAt(text, open + 1 + (provider.index ?? 0)),
        message: `provider ${provider[1]} has no version constraint`,
      });
    }
  }
  return findings;
}

function containerImages(path: string, text: string): Finding[] {
  const findings: Finding[] = [];
  for (const m of text.matchAll(/^\s*(?:-\s*)?image:\s*["']?([^\s"'#]+)/gm)) {
    const image = m[1] ?? '';
    if (image.includes('{{')) continue;
    const tag = image.includes('@') ? 'digest' : image.split('/').pop()?.split(':')[1];
    if (!tag || tag === 'latest') {
      findings.push({
        file: path,
        line: lineAt(text, m.index ?? 0),
        message: `image ${image} has no fixed tag`,
      });
    }
  }
  return findings;
}

/** Dependencies pinned: Python requirements, package.json, Terraform providers, container images. */
export const pinnedDependenciesCheck = defineCheck({
  name: 'pinned-dependencies',
  title: 'Dependencies pinned',
  run(files) {
    return files.flatMap((f) => {
      if (f.text === null) return [];
      const name = f.path.split('/').pop() ?? '';
      if (/^requirements.*\.txt$/.test(name)) return requirementsFile(f.path, f.text);
      if (name === 'pyproject.toml') return pyproject(f.path, f.text);
      if (name === 'package.json') return packageJson(f.path, f.text);
      if (name.endsWith('.tf')) return terraform(f.path, f.text);
      if (/\.ya?ml$/.test(name)) return containerImages(f.path, f.text);
      return [];
    });
  },
});
