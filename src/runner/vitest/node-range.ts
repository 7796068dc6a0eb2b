/**
 * Whether a Node version falls in a package's `engines.node` range. Only the forms packages use
 * for Node are read: alternatives joined by `||`, each a list of `^x.y.z`, `~x.y.z`, `>=x.y.z`,
 * `>x.y.z`, `<=x.y.z`, `<x.y.z`, `x.y.z` or `x` (parts may be left out). A range in any other form
 * counts as satisfied: this check only sharpens an error message, it never refuses a run.
 */
type Version = [number, number, number];

const parse = (text: string): Version | undefined => {
  const match = /^v?(\d+)(?:\.(\d+|x|\*))?(?:\.(\d+|x|\*))?$/.exec(text.trim());
  if (!match) return undefined;
  const part = (value: string | undefined) => (value === undefined || /[x*]/.test(value) ? 0 : Number(value));
  return [Number(match[1]), part(match[2]), part(match[3])];
};

const compare = (a: Version, b: Version): number => a[0] - b[0] || a[1] - b[1] || a[2] - b[2];

function satisfiesComparator(version: Version, comparator: string): boolean | undefined {
  const match = /^(\^|~|>=|<=|>|<|=)?\s*(.+)$/.exec(comparator);
  const bound = match?.[2] ? parse(match[2]) : undefined;
  if (!match || !bound) return undefined;
  const order = compare(version, bound);
  switch (match[1]) {
    case '^':
      return order >= 0 && version[0] === bound[0];
    case '~':
      return order >= 0 && version[0] === bound[0] && version[1] === bound[1];
    case '>=':
      return order >= 0;
    case '>':
      return order > 0;
    case '<=':
      return order <= 0;
    case '<':
      return order < 0;
    default: {
      // A bare "22" or "22.12" names a whole major or minor line.
      const given = (match[2] ?? '').trim().split('.').length;
      return (
        version[0] === bound[0] &&
        (given < 2 || version[1] === bound[1]) &&
        (given < 3 || version[2] === bound[2])
      );
    }
  }
}

export function satisfiesNodeRange(nodeVersion: string, range: string): boolean {
  const version = parse(nodeVersion);
  if (!version) return true;
  return range.split('||').some((alternative) => {
    const comparators = alternative
      .replace(/(>=|<=|>|<|=|\^|~)\s+/g, '$1')
      .trim()
      .split(/\s+/)
      .filter(Boolean);
    if (comparators.length === 0) return true;
    return comparators.every((comparator) => satisfiesComparator(version, comparator) ?? true);
  });
}
