import { catalogCommand, catalogHelp } from './commands/catalog.js';
import { checkClientCommand, checkClientHelp } from './commands/check-client.js';
import { checksCommand, checksHelp } from './commands/checks.js';
import { initCommand, initHelp } from './commands/init.js';
import { pactCommand, pactHelp } from './commands/pact.js';
import { runCommand, runHelp } from './commands/run.js';
import { serveCommand, serveHelp } from './commands/serve.js';
import { summaryCommand, summaryHelp } from './commands/summary.js';
import { validateCommand, validateHelp } from './commands/validate.js';
import { type CliIo, EXIT, UsageError } from './io.js';

type Command = { run: (args: string[], io: CliIo) => Promise<number>; help: string };

const COMMANDS: Record<string, Command> = {
  catalog: { run: catalogCommand, help: catalogHelp },
  validate: { run: validateCommand, help: validateHelp },
  summary: { run: summaryCommand, help: summaryHelp },
  serve: { run: serveCommand, help: serveHelp },
  run: { run: runCommand, help: runHelp },
  checks: { run: checksCommand, help: checksHelp },
  init: { run: initCommand, help: initHelp },
  pact: { run: pactCommand, help: pactHelp },
  'check-client': { run: checkClientCommand, help: checkClientHelp },
};

export const usage = `Usage: error-contracts <command> [options]

Commands:
${Object.entries(COMMANDS)
  .map(([name, command]) => `  ${command.help.split('\n')[0]?.replace('error-contracts ', '') ?? name}`)
  .join('\n')}

Run "error-contracts <command> --help" for a command's details.`;

/** Runs one CLI invocation and returns its exit code; never calls process.exit itself. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(`${usage}\n`);
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!command) {
    io.stderr(`error-contracts: unknown command "${name}".\n\n${usage}\n`);
    return EXIT.usage;
  }
  if (args.includes('--help') || args.includes('-h')) {
    io.stdout(`${command.help}\n`);
    return EXIT.ok;
  }
  try {
    return await command.run(args, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`error-contracts: ${error.message}\n`);
      return EXIT.usage;
    }
    // parseArgs reports unknown or malformed flags with this code; they are usage problems too.
    if ((error as NodeJS.ErrnoException).code?.startsWith('ERR_PARSE_ARGS')) {
      io.stderr(
        `error-contracts ${name}: ${(error as Error).message}. See "error-contracts ${name} --help".\n`,
      );
      return EXIT.usage;
    }
    // Anything else is a failure of the tool, not of the user's call: one line, not a stack trace.
    io.stderr(`error-contracts ${name}: could not finish: ${(error as Error).message ?? String(error)}\n`);
    return EXIT.incomplete;
  }
}
