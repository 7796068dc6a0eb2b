/** What a command may touch, injected so tests run commands in-process without a child process. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  readStdin: () => Promise<Uint8Array>;
  readFile: (path: string) => Promise<Uint8Array>;
  env: Readonly<Record<string, string | undefined>>;
  /**
   * Calls the handler once when the process is asked to stop (SIGINT or SIGTERM); returns a
   * function that stops listening. Long-running commands (serve) use it; tests trigger it.
   */
  onShutdown?: (handler: () => void) => () => void;
}

/** Exit codes shared by every command; scripts and CI can rely on them. */
export const EXIT = {
  ok: 0,
  /** The command ran and found a problem: invalid body, failed check. */
  failed: 1,
  /** The command could not run as asked: unknown flag, vendor or file. */
  usage: 2,
} as const;

/** A mistake in how the command was called; the message says which flag or argument to fix. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
