/** Which environment variables a terminal's colour and cursor control depend on. */
export type ColourEnv = Readonly<Record<string, string | undefined>>;

/**
 * Whether to write ANSI colour, decided the way Node's own tty module does: FORCE_COLOR wins
 * (on, unless "0" or "false"), so CI logs that render colour can ask for it without a terminal;
 * otherwise NO_COLOR (any non-empty value, https://no-color.org) or TERM=dumb turn it off; otherwise
 * colour follows whether the stream is a terminal.
 */
export function colourEnabled(isTTY: boolean, env: ColourEnv = {}): boolean {
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force.toLowerCase() !== 'false';
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.TERM === 'dumb') return false;
  return isTTY;
}

/**
 * Whether a line may be redrawn in place (carriage return, erase line). A dumb terminal prints
 * control codes as text, so it gets plain lines like a log file does.
 */
export function canRedraw(isTTY: boolean, env: ColourEnv = {}): boolean {
  return isTTY && env.TERM !== 'dumb';
}
