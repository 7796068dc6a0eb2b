/**
 * Compiles a JSON Schema into a straight-line predicate: `typeof` and member checks that return
 * false at the first failure, with no error objects, no error counters and no location bookkeeping.
 * A type guard only answers yes or no, and ajv's code (even with its error objects removed) keeps
 * the counters, the `valid` flags and the annotation state of a validator that reports, which made
 * a rejected body cost up to 1.6 times a hand-written guard.
 *
 * Only the keywords the envelope schemas use are compiled, each with ajv's semantics (a member set
 * to undefined is absent, as ajv reads members with `data.name`; `minLength` counts code points;
 * `pattern` is a `u` regex; numbers are finite). A schema with any other keyword gives `undefined`,
 * and the caller keeps ajv's code for it: a keyword compiled here without its full meaning would make
 * a guard disagree with the validator, which the property tests would only catch by luck.
 *
 * Checks that cost more than a comparison (formats, patterns) run after every cheap check of the
 * whole body, so a body with a missing or mistyped member is rejected before any regex runs; and
 * within an object, scalar members are checked before members holding an object or an array.
 */
import { formats } from '../../src/validation/runtime.js';
import { COMPLEMENT_SEARCH_LIMIT, charClassRun } from './char-class-pattern.js';

type Schema = Readonly<Record<string, unknown>>;

/** Keywords that never constrain a value. */
const ANNOTATIONS = new Set([
  '$schema',
  '$id',
  '$comment',
  'title',
  'description',
  'examples',
  'default',
  'deprecated',
  'readOnly',
  'writeOnly',
]);

/** The keywords compiled here, by the one instance type they apply to (`type` must name it). */
const KEYWORDS_BY_TYPE: Readonly<Record<string, ReadonlySet<string>>> = {
  object: new Set(['properties', 'required']),
  array: new Set(['items']),
  string: new Set(['minLength', 'maxLength', 'pattern', 'format']),
};
const ANY_TYPE_KEYWORDS = new Set(['type', 'enum', 'const']);

/** ajv's test for each JSON type (strict mode: numbers are finite). */
const TYPE_TESTS: Readonly<Record<string, (value: string) => string>> = {
  object: (v) => `typeof ${v} === 'object' && ${v} !== null && !Array.isArray(${v})`,
  array: (v) => `Array.isArray(${v})`,
  string: (v) => `typeof ${v} === 'string'`,
  boolean: (v) => `typeof ${v} === 'boolean'`,
  number: (v) => `Number.isFinite(${v})`,
  integer: (v) => `Number.isInteger(${v})`,
  null: (v) => `${v} === null`,
};

/** Enums longer than this are looked up in a hoisted Set rather than compared one by one. */
const ENUM_CHAIN_LIMIT = 8;

class Unsupported extends Error {}

function isPrimitive(value: unknown): value is string | number | boolean | null {
  return value === null || ['string', 'number', 'boolean'].includes(typeof value);
}

function asSchema(value: unknown, where: string): Schema {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new Unsupported(`${where} is not a schema object`);
  return value as Schema;
}

/**
 * The members of `properties`, those holding an object or an array last (otherwise in schema
 * order). A scalar member costs a read and a comparison or two, a structured one a whole subtree
 * (or a loop), so a body that breaks a scalar member is rejected before any subtree is walked,
 * whichever member it breaks. Every check still runs for a valid body, and the checks have no
 * effects, so the order changes what a rejection costs, never the verdict.
 */
function shallowFirst(properties: Schema): Array<[string, unknown]> {
  const entries = Object.entries(properties);
  const structured = ([, member]: [string, unknown]) => {
    const type = (member as Schema | null)?.type;
    return type === 'object' || type === 'array';
  };
  return [...entries.filter((entry) => !structured(entry)), ...entries.filter(structured)];
}

/** Source text for one compiled module: the hoisted constants and the statements of each phase. */
class PredicateWriter {
  readonly constants: string[] = [];
  /**
   * Members read into a variable at the top level of the function being written (members of the
   * body and of its chains of required members), by schema path, so the costly checks reuse the
   * variable instead of reading the member again.
   */
  readonly inScope = new Map<string, { variable: string; required: boolean }>();
  private readonly constantNames = new Map<string, string>();
  private counter = 0;

  variable(): string {
    return `v${this.counter++}`;
  }

  /** A module-level constant for `expression`, shared by every use of the same expression. */
  constant(prefix: string, expression: string): string {
    const known = this.constantNames.get(expression);
    if (known) return known;
    const name = `${prefix}${this.constantNames.size}`;
    this.constantNames.set(expression, name);
    this.constants.push(`const ${name} = ${expression};`);
    return name;
  }

  /** The single type `schema` is checked against, after validating its keywords against it. */
  typeOf(schema: Schema, where: string): string | undefined {
    for (const key of Object.keys(schema)) {
      if (ANNOTATIONS.has(key) || ANY_TYPE_KEYWORDS.has(key)) continue;
      const owner = Object.entries(KEYWORDS_BY_TYPE).find(([, keys]) => keys.has(key))?.[0];
      if (owner === undefined) throw new Unsupported(`${where} uses ${key}`);
      if (schema.type !== owner) throw new Unsupported(`${where} uses ${key} without type ${owner}`);
    }
    const type = schema.type;
    if (type === undefined) return undefined;
    if (typeof type !== 'string' || !(type in TYPE_TESTS))
      throw new Unsupported(`${where} has type ${JSON.stringify(type)}`);
    return type;
  }

  /**
   * Statements that return false when `v` fails the comparisons of `schema` (types, presence,
   * lengths, enums); formats and patterns are left to `costly`.
   */
  cheap(schema: Schema, v: string, where: string, topLevel = true): string[] {
    const type = this.typeOf(schema, where);
    const out: string[] = [];
    if (type !== undefined) out.push(`if (!(${TYPE_TESTS[type]?.(v)})) return false;`);
    if ('const' in schema) out.push(`if (${v} !== ${this.literal(schema.const, where)}) return false;`);
    if ('enum' in schema)
      out.push(`if (!(${this.enumTest(schema.enum, v, where, type === 'string')})) return false;`);
    if (type === 'string') out.push(...this.lengths(schema, v));
    if (type === 'object') {
      const properties = asSchema(schema.properties ?? {}, `${where}/properties`);
      const required = schema.required ?? [];
      if (!Array.isArray(required) || !required.every((name) => typeof name === 'string'))
        throw new Unsupported(`${where}/required is not a list of names`);
      for (const name of required)
        if (!(name in properties)) out.push(`if (${v}[${JSON.stringify(name)}] === undefined) return false;`);
      for (const [name, member] of shallowFirst(properties)) {
        const m = this.variable();
        const path = `${where}/${name}`;
        const isRequired = required.includes(name);
        const inner = this.cheap(asSchema(member, path), m, path, topLevel && isRequired);
        const lines = this.member(v, name, m, inner, isRequired);
        if (topLevel && lines.length > 0) this.inScope.set(path, { variable: m, required: isRequired });
        out.push(...lines);
      }
    }
    if (type === 'array' && schema.items !== undefined) {
      const item = this.variable();
      const inner = this.cheap(asSchema(schema.items, `${where}/items`), item, `${where}/items`, false);
      out.push(...this.eachItem(v, item, inner));
    }
    return out;
  }

  /** Statements for the costly checks of `schema` on `v`, run once `cheap` has passed for the body. */
  costly(schema: Schema, v: string, where: string): string[] {
    const type = this.typeOf(schema, where);
    const out: string[] = [];
    if (type === 'string') {
      if (typeof schema.format === 'string') {
        if (!(schema.format in formats)) throw new Unsupported(`${where} has format ${schema.format}`);
        const check = this.constant(
          'guardFormat',
          `runtime.formats[${JSON.stringify(schema.format)}].validate`,
        );
        out.push(`if (!${check}(${v})) return false;`);
      }
      if (typeof schema.pattern === 'string') out.push(this.patternCheck(schema.pattern, v));
    }
    if (type === 'object') {
      for (const [name, member] of Object.entries(asSchema(schema.properties ?? {}, where))) {
        const path = `${where}/${name}`;
        const known = this.inScope.get(path);
        if (known !== undefined) {
          // Read by the cheap checks in a scope that is still open (and found present if required).
          const inner = this.costly(asSchema(member, path), known.variable, path);
          if (known.required || inner.length === 0) out.push(...inner);
          else out.push(`if (${known.variable} !== undefined) {`, ...inner, '}');
          continue;
        }
        const m = this.variable();
        const inner = this.costly(asSchema(member, path), m, path);
        if (inner.length > 0) out.push(...this.member(v, name, m, inner, false));
      }
    }
    if (type === 'array' && schema.items !== undefined) {
      const item = this.variable();
      const inner = this.costly(asSchema(schema.items, `${where}/items`), item, `${where}/items`);
      if (inner.length > 0) out.push(...this.eachItem(v, item, inner));
    }
    return out;
  }

  /** A statement returning false when `v` does not match `pattern`, as ajv reads it (a `u` regex). */
  private patternCheck(pattern: string, v: string): string {
    const regex = this.constant('guardPattern', `new RegExp(${JSON.stringify(pattern)}, 'u')`);
    const run = charClassRun(pattern);
    if (run === undefined) return `if (!${regex}.test(${v})) return false;`;
    // A short string is searched for a character outside the class (char-class-pattern.ts says why
    // the verdict is the same); a long one keeps the anchored pattern, which is cheaper there.
    const outside = this.constant('guardOutside', `new RegExp(${JSON.stringify(run.complement)}, 'u')`);
    const emptyFails = run.nonEmpty ? `${v}.length === 0 || ` : '';
    return `if (${v}.length > ${COMPLEMENT_SEARCH_LIMIT} ? !${regex}.test(${v}) : ${emptyFails}${outside}.test(${v})) return false;`;
  }

  /** Reads member `name` of `v` into `m` and runs `inner` on it when present (ajv: not undefined). */
  private member(v: string, name: string, m: string, inner: string[], required: boolean): string[] {
    const read = `const ${m} = ${v}[${JSON.stringify(name)}];`;
    if (required) return [read, `if (${m} === undefined) return false;`, ...inner];
    if (inner.length === 0) return [];
    return [read, `if (${m} !== undefined) {`, ...inner, '}'];
  }

  private eachItem(v: string, item: string, inner: string[]): string[] {
    if (inner.length === 0) return [];
    const index = this.variable();
    return [
      `for (let ${index} = 0; ${index} < ${v}.length; ${index}++) {`,
      `const ${item} = ${v}[${index}];`,
      ...inner,
      '}',
    ];
  }

  /** `minLength`/`maxLength` count code points; a UTF-16 length settles most cases without counting. */
  private lengths(schema: Schema, v: string): string[] {
    const out: string[] = [];
    const { minLength, maxLength } = schema;
    if (typeof minLength === 'number' && minLength > 0) {
      // A string has at least one code point exactly when it has at least one UTF-16 unit.
      out.push(
        minLength === 1
          ? `if (${v}.length === 0) return false;`
          : `if (${v}.length < ${minLength} || runtime.ucs2length(${v}) < ${minLength}) return false;`,
      );
    }
    if (typeof maxLength === 'number') {
      // A string never has more code points than UTF-16 units.
      out.push(`if (${v}.length > ${maxLength} && runtime.ucs2length(${v}) > ${maxLength}) return false;`);
    }
    return out;
  }

  /** `isString`: the type test before this one has already rejected anything but a string. */
  private enumTest(values: unknown, v: string, where: string, isString: boolean): string {
    if (!Array.isArray(values) || values.length === 0) throw new Unsupported(`${where}/enum is empty`);
    if (values.length > ENUM_CHAIN_LIMIT) {
      if (!values.every(isPrimitive)) throw new Unsupported(`${where}/enum has a structured member`);
      return `${this.constant('guardMembers', `new Set(${JSON.stringify(values)})`)}.has(${v})`;
    }
    const equalsOneOf = (members: readonly unknown[]) =>
      members.map((value) => `${v} === ${this.literal(value, where)}`).join(' || ');
    if (!isString || !values.every((value) => typeof value === 'string')) return equalsOneOf(values);
    // A string from a parsed body is rarely the same string object as the literal, so each `===`
    // compares contents in a builtin call; reading the length first leaves only the members of that
    // length to compare, and a value of no member's length fails with one comparison. Two strings
    // of different lengths are never equal, so the verdict is the chain's.
    const byLength = new Map<number, string[]>();
    for (const value of values as string[])
      byLength.set(value.length, [...(byLength.get(value.length) ?? []), value]);
    const branches = [...byLength].map(
      ([length, members]) => `${v}.length === ${length} ? ${equalsOneOf(members)}`,
    );
    return `${branches.join(' : ')} : false`;
  }

  /** A primitive as source text; structured `const`/`enum` members need ajv's deep equality. */
  private literal(value: unknown, where: string): string {
    if (!isPrimitive(value)) throw new Unsupported(`${where} compares with a structured value`);
    return JSON.stringify(value);
  }
}

/**
 * Source text for `function <name>(data)` answering whether `data` is valid against `schema`, and
 * the module-level constants it reads; `undefined` when the schema uses a keyword not compiled here.
 */
export function guardPredicate(
  schema: Schema,
  name: string,
  writer = new PredicateWriter(),
): { functionSource: string; writer: PredicateWriter } | undefined {
  try {
    writer.inScope.clear();
    const root = 'data';
    const body = [...writer.cheap(schema, root, '#'), ...writer.costly(schema, root, '#'), 'return true;'];
    return { functionSource: [`function ${name}(${root}) {`, ...body, '}'].join('\n'), writer };
  } catch (error) {
    if (error instanceof Unsupported) return undefined;
    throw error;
  }
}

/**
 * One predicate per entry of `exports` (function name to schema), sharing hoisted constants;
 * `undefined` when any schema is not compiled here.
 */
export function guardPredicates(
  exports: ReadonlyArray<readonly [string, Schema]>,
): { constants: string[]; functions: string[] } | undefined {
  const writer = new PredicateWriter();
  const functions: string[] = [];
  for (const [name, schema] of exports) {
    const compiled = guardPredicate(schema, name, writer);
    if (!compiled) return undefined;
    functions.push(compiled.functionSource);
  }
  return { constants: writer.constants, functions };
}
