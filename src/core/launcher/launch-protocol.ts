/** One command for the launcher process to run. */
export interface LaunchRequest {
  id: number;
  file: string;
  args: string[];
  /** The command's whole environment: nothing of the launcher's own is passed on. */
  env: Record<string, string>;
  /** Written to the command's stdin, then closed. */
  input: string;
  timeoutMs: number;
  /** Output beyond this many bytes (stdout and stderr together) is dropped. */
  maxOutputBytes: number;
  /**
   * When set, the launcher keeps one more process of the same file, args and environment
   * started and waiting on its stdin for this long, for the next such request (see standby.ts).
   */
  standbyMs?: number;
}

export type LaunchReply =
  | {
      id: number;
      started: true;
      code: number | null;
      signal: string | null;
      stdout: string;
      stderr: string;
      timedOut: boolean;
    }
  | { id: number; started: false; errorCode: string | null; message: string };
