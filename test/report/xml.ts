/**
 * A small, strict XML reader for the JUnit tests: enough of XML 1.0 to prove a document is
 * well-formed (one root, balanced and properly nested tags, quoted and unique attributes, only
 * the predefined or numeric entities, no forbidden characters) and to walk its elements. It throws
 * on anything else, which is what a well-formedness check should do; it is not a general parser.
 */

export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const NAME = /^[A-Za-z_:][-A-Za-z0-9._:]*/;
const FORBIDDEN = /[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;
const PREDEFINED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(raw: string, where: string): string {
  if (raw.includes('<')) throw new Error(`raw "<" in ${where}`);
  return raw.replace(/&([^;]*);?/g, (whole, entity: string) => {
    if (!whole.endsWith(';')) throw new Error(`unterminated entity in ${where}: ${whole}`);
    const numeric = /^#(x[0-9A-Fa-f]+|[0-9]+)$/.exec(entity);
    if (numeric?.[1]) {
      const code = numeric[1].startsWith('x')
        ? Number.parseInt(numeric[1].slice(1), 16)
        : Number.parseInt(numeric[1], 10);
      const char = String.fromCodePoint(code);
      if (FORBIDDEN.test(char)) throw new Error(`character reference to a forbidden character in ${where}`);
      return char;
    }
    const value = PREDEFINED[entity];
    if (value === undefined) throw new Error(`unknown entity &${entity}; in ${where}`);
    return value;
  });
}

export function parseXml(source: string): XmlElement {
  if (FORBIDDEN.test(source)) throw new Error('document contains a character XML forbids');
  let rest = source.replace(/^<\?xml[^?]*\?>\s*/, '');
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;

  while (rest.length > 0) {
    if (rest.startsWith('</')) {
      const match = /^<\/([^\s>]+)\s*>/.exec(rest);
      const open = stack.pop();
      if (!match || !open || match[1] !== open.name) {
        throw new Error(`closing tag ${match?.[1] ?? '?'} does not match ${open?.name ?? 'nothing'}`);
      }
      rest = rest.slice(match[0].length);
    } else if (rest.startsWith('<')) {
      const name = NAME.exec(rest.slice(1))?.[0];
      if (!name) throw new Error(`bad tag near ${JSON.stringify(rest.slice(0, 30))}`);
      rest = rest.slice(1 + name.length);
      const element: XmlElement = { name, attributes: {}, children: [], text: '' };
      for (;;) {
        const attribute = /^\s+([A-Za-z_:][-A-Za-z0-9._:]*)\s*=\s*("([^"]*)"|'([^']*)')/.exec(rest);
        if (!attribute?.[1]) break;
        if (Object.hasOwn(element.attributes, attribute[1]))
          throw new Error(`attribute ${attribute[1]} repeated`);
        element.attributes[attribute[1]] = decode(
          attribute[3] ?? attribute[4] ?? '',
          `${name}@${attribute[1]}`,
        );
        rest = rest.slice(attribute[0].length);
      }
      const end = /^\s*(\/?)>/.exec(rest);
      if (!end) throw new Error(`tag ${name} not closed properly near ${JSON.stringify(rest.slice(0, 30))}`);
      rest = rest.slice(end[0].length);
      const parent = stack.at(-1);
      if (parent) parent.children.push(element);
      else if (root) throw new Error('more than one root element');
      else root = element;
      if (end[1] !== '/') stack.push(element);
    } else {
      const next = rest.indexOf('<');
      const raw = next === -1 ? rest : rest.slice(0, next);
      const parent = stack.at(-1);
      if (!parent) {
        if (raw.trim() !== '') throw new Error('text outside the root element');
      } else {
        parent.text += decode(raw, parent.name);
      }
      rest = next === -1 ? '' : rest.slice(next);
    }
  }
  if (stack.length > 0) throw new Error(`unclosed element ${stack.at(-1)?.name}`);
  if (!root) throw new Error('no root element');
  return root;
}

/** Every element below `element` (depth first) with the given name. */
export function findAll(element: XmlElement, name: string): XmlElement[] {
  return element.children.flatMap((child) => [
    ...(child.name === name ? [child] : []),
    ...findAll(child, name),
  ]);
}
