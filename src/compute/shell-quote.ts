/** Quotes one argument for a POSIX shell: everything inside single quotes is literal. */
export function shellQuote(arg: string): string {
  if (/^[A-Za-z0-9_/.,:=@%+-]+$/.test(arg)) return arg;
  return `'${arg.replaceAll("'", `'"'"'`)}'`;
}

/** The shell line that runs an argv exactly as given (no globbing, no expansion). */
export function commandLine(argv: string[]): string {
  return argv.map(shellQuote).join(' ');
}
