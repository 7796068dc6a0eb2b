import type { CliIo } from '../../src/cli/io.js';
import { runCli } from '../../src/cli/run-cli.js';

/** Runs the CLI in-process with captured output and optional stdin / file contents. */
export async function cli(
  argv: string[],
  input: {
    stdin?: string;
    files?: Record<string, string>;
    env?: CliIo['env'];
    cwd?: string;
    terminal?: CliIo['terminal'];
  } = {},
) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    readStdin: async () => new TextEncoder().encode(input.stdin ?? ''),
    readFile: async (path) => {
      const content = input.files?.[path];
      if (content === undefined) throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
      return new TextEncoder().encode(content);
    },
    env: input.env ?? {},
    ...(input.cwd === undefined ? {} : { cwd: input.cwd }),
    ...(input.terminal === undefined ? {} : { terminal: input.terminal }),
  });
  return { code, stdout, stderr };
}
