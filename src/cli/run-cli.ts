import { toolInfo } from '../runner/package-root.js';
import { singleLine } from '../text/single-line.js';
import { didYouMean } from '../text/suggest.js';
import { describeParseError, flagsFromHelp } from './flags.js';
import { type CliIo, type Command, EXIT, UsageError } from './io.js';

/**
 * The one list of commands: usage, `help <command>` and did-you-mean all read it. Each command is
 * loaded when it is called, so a call pays only for its own command (`--version` for none): the
 * run command alone pulls in the checklists, the simulator and the reporters.
 */
const COMMANDS: Record<string, () => Promise<{ command: Command }>> = {
  catalog: () => import('./commands/catalog.js'),
  validate: () => import('./commands/validate.js'),
  summary: () => import('./commands/summary.js'),
  serve: () => import('./commands/serve.js'),
  run: () => import('./commands/run.js'),
  checks: () => import('./commands/checks.js'),
  init: () => import('./commands/init.js'),
  pact: () => import('./commands/pact.js'),
  'check-client': () => import('./commands/check-client.js'),
};

const commandNames = Object.keys(COMMANDS);

/** The command a name calls, loaded; undefined for a name that is no command. */
async function loadCommand(name: string): Promise<Command | undefined> {
  const load = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  return load ? (await load()).command : undefined;
}

/** Where the guides live: in the installed package, and online for a reader without it. */
export const DOCS_HINT =
  'Guides: docs/running.md and the other pages in docs/ of the installed package, or\nhttps://github.com/error-contracts/error-contracts/tree/main/docs';

/** The usage text; it quotes each command's synopsis, so it loads every command. */
export async function usage(): Promise<string> {
  const commands = await Promise.all(
    commandNames.map(async (name) => (await loadCommand(name))?.help ?? name),
  );
  return `Usage: error-contracts <command> [options]

Commands:
${commands.map((help) => `  ${help.split('\n')[0]?.replace('error-contracts ', '')}`).join('\n')}

Options:
  --help, -h     this text; "error-contracts help <command>" for one command's details
  --version, -v  the installed version

${DOCS_HINT}`;
}

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
async function helpCommand(topic: string | undefined, io: CliIo): Promise<number> {
  if (topic === undefined) {
    io.stdout(`${await usage()}\n`);
    return EXIT.ok;
  }
  const command = await loadCommand(topic);
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
    io.stdout(`${await usage()}\n`);
    return EXIT.usage;
  }
  if (name === '--help' || name === '-h' || name === 'help') return helpCommand(args[0], io);
  if (name === '--version' || name === '-v') {
    io.stdout(`${toolInfo().version}\n`);
    return EXIT.ok;
  }
  const command = await loadCommand(name);
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
      const { vendorIds } = await import('../vendors/registry.js');
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
