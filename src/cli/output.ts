/** Where the CLI reads and writes; the process's streams in real use, buffers in tests. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  env: Record<string, string | undefined>;
  /** True when stderr is a terminal, where progress can be animated; plain lines otherwise. */
  isStderrTty?: boolean;
}

/** The process's own streams and environment. */
export function processIo(): CliIo {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    stdin: process.stdin,
    env: process.env,
    isStderrTty: process.stderr.isTTY === true,
  };
}

/**
 * Writes results and messages. Results (JSON with `--json`, tables otherwise) go to stdout;
 * messages, hints and errors go to stderr, so that stdout stays clean for pipes.
 */
export interface Output {
  readonly json: boolean;
  /** Prints a result: as JSON with `--json`, else as the text `human` renders. */
  result<T>(value: T, human: (value: T) => string): void;
  /** Prints a result only with `--json`; for commands whose human output is just a message. */
  jsonOnly(value: unknown): void;
  /** A message for the person at the terminal. */
  info(message: string): void;
  /** A message shown only with `--verbose`. */
  debug(message: string): void;
}

/** Builds the {@link Output} for one run. */
export function createOutput(io: CliIo, opts: { json: boolean; verbose: boolean }): Output {
  return {
    json: opts.json,
    result(value, human) {
      if (opts.json) io.stdout(`${JSON.stringify(value, null, 2)}\n`);
      else io.stdout(withNewline(human(value)));
    },
    jsonOnly(value) {
      if (opts.json) io.stdout(`${JSON.stringify(value, null, 2)}\n`);
    },
    info: (message) => io.stderr(withNewline(message)),
    debug: (message) => {
      if (opts.verbose) io.stderr(withNewline(message));
    },
  };
}

function withNewline(text: string): string {
  return text === '' || text.endsWith('\n') ? text : `${text}\n`;
}

/** A column of a {@link table}: its heading and how to show a row's cell. */
export interface Column<T> {
  heading: string;
  cell: (row: T) => string;
}

/**
 * Lays rows out in aligned columns under upper-case headings.
 * @example table(users, [{ heading: 'user', cell: (u) => u.username }])
 */
export function table<T>(rows: readonly T[], columns: readonly Column<T>[]): string {
  const cells = [
    columns.map((c) => c.heading.toUpperCase()),
    ...rows.map((row) => columns.map((c) => c.cell(row))),
  ];
  const widths = columns.map((_, i) => Math.max(...cells.map((line) => (line[i] ?? '').length)));
  return cells
    .map((line) =>
      line
        .map((cell, i) => (i === line.length - 1 ? cell : cell.padEnd(widths[i] ?? 0)))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

/** Lays out `label  value` pairs, one per line, with the values aligned. */
export function fields(pairs: readonly [label: string, value: string][]): string {
  const width = Math.max(...pairs.map(([label]) => label.length));
  return pairs.map(([label, value]) => `${label.padEnd(width)}  ${value}`).join('\n');
}

/** A timestamp as `2025-01-31 14:05` (UTC), or a dash when there is none. */
export function when(timestamp: string | null): string {
  if (!timestamp) return '-';
  return `${timestamp.slice(0, 10)} ${timestamp.slice(11, 16)}`;
}
