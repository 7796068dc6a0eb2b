import { toolInfo } from '../runner/package-root.js';
import { singleLine } from '../text/single-line.js';
import { didYouMean } from '../text/suggest.js';
import { vendorIds } from '../vendors/registry.js';
import { catalogCommand, catalogHelp } from './commands/catalog.js';
import { checkClientCommand, checkClientHelp } from './commands/check-client.js';
import { checksCommand, checksHelp } from './commands/checks.js';
import { initCommand, initHelp } from './commands/init.js';
import { pactCommand, pactHelp } from './commands/pact.js';
import { runCommand, runHelp } from './commands/run.js';
import { serveCommand, serveHelp } from './commands/serve.js';
import { summaryCommand, summaryHelp } from './commands/summary.js';
import { validateCommand, validateHelp } from './commands/validate.js';
import { describeParseError, flagsFromHelp } from './flags.js';
import { type CliIo, EXIT, UsageError } from './io.js';

type Command = { run: (args: string[], io: CliIo) => Promise<number>; help: string };

/** The one list of commands: usage, `help <command>` and did-you-mean all read it. */
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

const commandNames = Object.keys(COMMANDS);

/** Where the guides live: in the installed package, and online for a reader without it. */
export const DOCS_HINT =
  'Guides: docs/running.md and the other pages in docs/ of the installed package, or\nhttps://github.com/error-contracts/error-contracts/tree/main/docs';

export const usage = `Usage: error-contracts <command> [options]

Commands:
${Object.entries(COMMANDS)
  .map(([name, command]) => `  ${command.help.split('\n')[0]?.replace('error-contracts ', '') ?? name}`)
  .join('\n')}

Options:
  --help, -h     this text; "error-contracts help <command>" for one command's details
  --version, -v  the installed version

${DOCS_HINT}`;

/** Every message the CLI prints about a mistake or a failure starts the same way. */
function errorLine(command: string | null, raw: string): string {
  // A message may quote a flag value, a file or a response: it stays one line, its control
  // characters shown rather than obeyed, so no value can start a workflow command of its own.
  const message = singleLine(raw);
  return command === null ? `error-contracts: ${message}\n` : `error-contracts ${command}: ${message}\n`;
}

/** A command's messages may already start with its name ("run: ..."); it is said once, in the prefix. */
function withoutCommandName(command: string, message: string): string {
  return message.startsWith(`${command}: `) || message.startsWith(`${command} `)
    ? message.slice(command.length + 1).trimStart()
    : message;
}

function unknownCommand(name: string): string {
  return errorLine(
    null,
    `unknown command "${name}".${didYouMean(name, commandNames)} The commands: ${commandNames.join(', ')}; see "error-contracts --help".`,
  );
}

/** `help`, `help <command>`: the usage, or one command's help. */
function helpCommand(topic: string | undefined, io: CliIo): number {
  if (topic === undefined) {
    io.stdout(`${usage}\n`);
    return EXIT.ok;
  }
  const command = Object.hasOwn(COMMANDS, topic) ? COMMANDS[topic] : undefined;
  if (!command) {
    io.stderr(unknownCommand(topic));
    return EXIT.usage;
  }
  io.stdout(`${command.help}\n`);
  return EXIT.ok;
}

/** Runs one CLI invocation and returns its exit code; never calls process.exit itself. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined) {
    io.stdout(`${usage}\n`);
    return EXIT.usage;
  }
  if (name === '--help' || name === '-h' || name === 'help') return helpCommand(args[0], io);
  if (name === '--version' || name === '-v') {
    io.stdout(`${toolInfo().version}\n`);
    return EXIT.ok;
  }
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!command) {
    io.stderr(unknownCommand(name));
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
      io.stderr(errorLine(name, withoutCommandName(name, error.message)));
      return EXIT.usage;
    }
    // parseArgs reports unknown or malformed flags with this code; they are usage problems too,
    // told in our words (its own text speaks of "positional arguments" and quotes internals).
    const code = (error as NodeJS.ErrnoException).code;
    if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS')) {
      const problem = describeParseError(code, args, flagsFromHelp(command.help), [
        { flag: '--vendor', values: vendorIds },
      ]);
      io.stderr(errorLine(name, `${problem} See "error-contracts help ${name}".`));
      return EXIT.usage;
    }
    // Anything else is a failure of the tool, not of the user's call: one line, not a stack trace.
    io.stderr(errorLine(name, `could not finish: ${(error as Error).message ?? String(error)}`));
    return EXIT.incomplete;
  }
}
