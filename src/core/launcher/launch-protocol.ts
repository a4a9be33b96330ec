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
