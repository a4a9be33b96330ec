import { type Adapter, adapter, extensionPoint } from '../../core/extension.js';

/** A file of the rendered output as a check sees it: text, or null for a binary file. */
export interface OutputFile {
  path: string;
  text: string | null;
}

/** One thing a check found wrong, where it is. */
export interface Finding {
  file?: string;
  line?: number;
  message: string;
}

/** A policy check on a rendered project, run before anything is published. */
export interface PolicyCheck {
  readonly name: string;
  readonly title: string;
  run(files: OutputFile[], options: Record<string, unknown>): Finding[];
}

export const checkPoint = extensionPoint<PolicyCheck>('scaffolder.check');

/** Declares a check as an adapter of `checkPoint`. */
export function defineCheck(check: PolicyCheck): Adapter<PolicyCheck> {
  return adapter(checkPoint, {
    name: check.name,
    description: check.title,
    capabilities: {},
    create: () => check,
  });
}

/** The 1-based line of a character offset. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}
