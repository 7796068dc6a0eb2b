import { ErrorContractsError } from '../errors.js';

/** What a command may touch, injected so tests run commands in-process without a child process. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Rejects with InputTooLargeError past `maxBytes` (when given) without holding more than that. */
  readStdin: (maxBytes?: number) => Promise<Uint8Array>;
  readFile: (path: string, maxBytes?: number) => Promise<Uint8Array>;
  env: Readonly<Record<string, string | undefined>>;
  /**
   * Calls the handler once when the process is asked to stop (SIGINT or SIGTERM); returns a
   * function that stops listening. Long-running commands (serve) use it; tests trigger it.
   */
  onShutdown?: (handler: () => void) => () => void;
  /**
   * Whether stdout and stderr are terminals, and how wide; progress and colour need one. `stdin`: a
   * person typing, so a command that reads it says it is waiting.
   */
  terminal?: { stdout: boolean; stderr: boolean; columns?: number; stdin?: boolean };
  /** Where relative paths (--out, --config) start from; the process's working directory by default. */
  cwd?: string;
}

/** A CLI command: what it does with its arguments, and its help text (the first line is its synopsis). */
export interface Command {
  run: (args: string[], io: CliIo) => Promise<number>;
  help: string;
}

/** Exit codes shared by every command; scripts and CI can rely on them. */
export const EXIT = {
  ok: 0,
  /** The command ran and found a problem: invalid body, failed check. */
  failed: 1,
  /** The command could not run as asked: unknown flag, vendor, file or configuration. */
  usage: 2,
  /** The command started but could not finish: a target that would not open, a crashed worker. */
  incomplete: 3,
} as const;

/** A mistake in how the command was called; the message says which flag or argument to fix. */
export class UsageError extends ErrorContractsError {
  constructor(message: string) {
    super('ERR_USAGE', message);
    this.name = 'UsageError';
  }
}
