import { scaffolderErrors } from './errors.js';

/** How big a new project may grow. */
export interface OutputBounds {
  maxFiles: number;
  maxBytes: number;
}

export const DEFAULT_OUTPUT_BOUNDS: OutputBounds = { maxFiles: 5_000, maxBytes: 50 * 1024 * 1024 };

/**
 * The new project while it is being made: files in memory, keyed by relative path. Nothing
 * touches the disk until an action that publishes (git:init, archive:zip) writes it out, which
 * is what keeps a dry run free of side effects.
 */
export class Workspace {
  private readonly files = new Map<string, Buffer>();
  private bytes = 0;

  constructor(private readonly bounds: OutputBounds = DEFAULT_OUTPUT_BOUNDS) {}

  write(path: string, data: Buffer): void {
    const before = this.files.get(path)?.length ?? 0;
    if (!this.files.has(path) && this.files.size >= this.bounds.maxFiles) {
      throw scaffolderErrors.TEMPLATE_LIMIT_EXCEEDED.create([
        `The output would hold more than ${this.bounds.maxFiles} files, the limit`,
      ]);
    }
    if (this.bytes - before + data.length > this.bounds.maxBytes) {
      throw scaffolderErrors.TEMPLATE_LIMIT_EXCEEDED.create([
        `The output would exceed ${formatBytes(this.bounds.maxBytes)}, the limit (at ${path})`,
      ]);
    }
    this.bytes += data.length - before;
    this.files.set(path, data);
  }

  read(path: string): Buffer | undefined {
    return this.files.get(path);
  }

  has(path: string): boolean {
    return this.files.has(path);
  }

  delete(path: string): boolean {
    const data = this.files.get(path);
    if (!data) return false;
    this.bytes -= data.length;
    return this.files.delete(path);
  }

  /** Paths in a stable order. */
  paths(): string[] {
    return [...this.files.keys()].sort();
  }

  entries(): [string, Buffer][] {
    return this.paths().map((p) => [p, this.files.get(p) as Buffer]);
  }

  get size(): number {
    return this.bytes;
  }
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${(n / 1024 / 1024).toFixed(1)} MiB`;
}

/** Text files are rendered; anything with a NUL byte or invalid UTF-8 is copied as is. */
export function isBinary(data: Buffer): boolean {
  if (data.subarray(0, 8000).includes(0)) return true;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(data);
    return false;
  } catch {
    return true;
  }
}
