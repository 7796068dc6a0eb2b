/** Reading back what the github reporter writes, the way the Actions runner reads it. */

/** A workflow command as the runner reads it: the name, the properties unescaped, the message unescaped. */
export function parseCommand(line: string): {
  name: string;
  properties: Record<string, string>;
  message: string;
} {
  const match = /^::([a-z-]+)(?: ([^:]*))?::(.*)$/.exec(line);
  if (!match) throw new Error(`not a workflow command: ${line}`);
  const decode = (text: string) =>
    text
      .replace(/%0D/g, '\r')
      .replace(/%0A/g, '\n')
      .replace(/%3A/g, ':')
      .replace(/%2C/g, ',')
      .replace(/%25/g, '%');
  const properties = Object.fromEntries(
    (match[2] ?? '')
      .split(',')
      .filter(Boolean)
      .map((pair) => {
        const at = pair.indexOf('=');
        return [pair.slice(0, at), decode(pair.slice(at + 1))];
      }),
  );
  return { name: match[1] ?? '', properties, message: decode(match[3] ?? '') };
}

/** GITHUB_OUTPUT's multi-line entries read back as the runner reads them. */
export function parseGithubOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split('\n');
  for (let index = 0; index < lines.length; index++) {
    const match = /^([^<=]+)<<(.+)$/.exec(lines[index] ?? '');
    if (!match) continue;
    const [, name = '', delimiter] = match;
    const end = lines.indexOf(delimiter ?? '', index + 1);
    if (end < 0) throw new Error(`output ${name} is never closed`);
    outputs[name] = lines.slice(index + 1, end).join('\n');
    index = end;
  }
  return outputs;
}
