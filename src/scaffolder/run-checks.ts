import type { TemplateCheck } from '../catalog/index.js';
import type { PolicyCheck } from './checks/index.js';
import { scaffolderErrors } from './errors.js';
import type { CheckResult } from './schemas.js';
import { isBinary, type Workspace } from './workspace.js';

/** A check a template must pass, with whether it blocks publication. */
export interface ChosenCheck {
  check: PolicyCheck;
  blocking: boolean;
  required: boolean;
  options: Record<string, unknown>;
}

/**
 * The checks of a template: those the platform requires of every template (always blocking),
 * then those the template's Keepers list in `spec.checks`.
 */
export function chooseChecks(
  available: ReadonlyMap<string, PolicyCheck>,
  required: readonly string[],
  declared: readonly TemplateCheck[] = [],
): ChosenCheck[] {
  const find = (name: string) => {
    const check = available.get(name);
    if (!check)
      throw scaffolderErrors.SCAFFOLDER_CHECK_UNKNOWN.create([name, [...available.keys()].join(', ')]);
    return check;
  };
  const chosen = new Map<string, ChosenCheck>();
  for (const name of required)
    chosen.set(name, { check: find(name), blocking: true, required: true, options: {} });
  for (const d of declared) {
    const before = chosen.get(d.name);
    chosen.set(d.name, {
      check: find(d.name),
      blocking: before?.required ? true : d.blocking !== false,
      required: before?.required ?? false,
      options: d.with ?? {},
    });
  }
  return [...chosen.values()];
}

/** Runs the chosen checks on the workspace as it is now. */
export function runChecks(chosen: ChosenCheck[], workspace: Workspace): CheckResult[] {
  const files = workspace.entries().map(([path, data]) => ({
    path,
    text: isBinary(data) ? null : data.toString('utf8'),
  }));
  return chosen.map(({ check, blocking, options }) => {
    const findings = check.run(files, options).slice(0, 100);
    return {
      name: check.name,
      title: check.title,
      blocking,
      passed: findings.length === 0,
      findings: findings.map((f) => ({ file: f.file ?? null, line: f.line ?? null, message: f.message })),
    };
  });
}

/** One line saying which blocking checks failed and why, or null when publication may go on. */
export function blockingFailure(results: CheckResult[]): string | null {
  const failed = results.filter((r) => r.blocking && !r.passed);
  if (failed.length === 0) return null;
  return failed
    .map((r) => {
      const f = r.findings[0];
      const where = f?.file ? `${f.file}${f.line ? `:${f.line}` : ''}: ` : '';
      const more = r.findings.length > 1 ? ` (and ${r.findings.length - 1} more)` : '';
      return `${r.title}: ${where}${f?.message ?? 'failed'}${more}`;
    })
    .join('; ');
}
