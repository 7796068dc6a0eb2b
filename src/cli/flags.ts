/**
 * Flags read from a command's help text, and node:util parseArgs failures reworded with them.
 * The help is where each command lists its flags for people, so it is the one list a suggestion
 * may come from: a command added to the table gets did-you-mean without further wiring.
 */
import { didYouMean } from '../text/suggest.js';

export interface FlagSpec {
  /** "--vendor" */
  name: string;
  /** The value's placeholder in the help ("<id>", "table|json"), or null for a switch. */
  value: string | null;
}

const FLAG_IN_HELP = /(?<![\w-])(--[a-z][a-z0-9-]*)(?:[ =](<[^>]+>|[\w-]+(?:\|[\w-]+)+))?/g;

/** Every flag a help text mentions, the first mention deciding whether it takes a value. */
export function flagsFromHelp(help: string): FlagSpec[] {
  const flags = new Map<string, FlagSpec>();
  for (const match of help.matchAll(FLAG_IN_HELP)) {
    const name = match[1] as string;
    const value = match[2] ?? null;
    const known = flags.get(name);
    if (!known) flags.set(name, { name, value });
    else if (known.value === null && value !== null) known.value = value;
  }
  return [...flags.values()];
}

/** The arguments up to a bare "--", after which everything is positional. */
function optionArea(args: readonly string[]): readonly string[] {
  const end = args.indexOf('--');
  return end === -1 ? args : args.slice(0, end);
}

const flagName = (token: string) => token.split('=')[0] as string;

/**
 * What went wrong, in the tool's words and naming the flag, for an error parseArgs threw (its
 * `code` starts with ERR_PARSE_ARGS). Its own message is never shown: it speaks of "positional
 * arguments" and quotes internals. `candidates` are the other names a stray word might be meant
 * as (vendor ids, say), offered with the flag that takes them.
 */
export function describeParseError(
  code: string,
  args: readonly string[],
  flags: readonly FlagSpec[],
  candidates: { flag: string; values: readonly string[] }[] = [],
): string {
  const names = [...flags.map((flag) => flag.name), '--help'];
  const area = optionArea(args);
  const byName = new Map(flags.map((flag) => [flag.name, flag]));

  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const unknown = area.find(
      (token) => token.startsWith('-') && token !== '-' && !byName.has(flagName(token)),
    );
    if (unknown !== undefined) {
      const name = flagName(unknown);
      return `unknown option ${name}.${didYouMean(name, names)}`;
    }
    return 'an option is not one this command knows.';
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    for (const [index, token] of area.entries()) {
      const flag = byName.get(flagName(token));
      if (!flag) continue;
      if (flag.value === null && token.includes('=')) return `${flag.name} is a switch and takes no value.`;
      const next = area[index + 1];
      if (flag.value !== null && !token.includes('=') && (next === undefined || next.startsWith('-'))) {
        return `${flag.name} needs a value (${flag.name} ${flag.value}).`;
      }
    }
    return 'an option is missing its value or has one it does not take.';
  }
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') {
    const stray = area.find(
      (token, index) =>
        !token.startsWith('-') && !(index > 0 && byName.get(area[index - 1] as string)?.value != null),
    );
    if (stray !== undefined) {
      const home = candidates.find((c) => byName.has(c.flag) && c.values.includes(stray));
      const hint = home ? ` To choose it, write ${home.flag} ${stray}.` : '';
      return `unexpected argument "${stray}": this command takes options only.${hint}`;
    }
    return 'this command takes options only.';
  }
  return 'the options could not be read.';
}
