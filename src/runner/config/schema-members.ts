/**
 * The member names the config schema accepts at a location, read from the schema itself, so a
 * message listing them ("is not a credential role (valid, readOnly, ...)") can never disagree with
 * what the validator accepts, including per vendor (an OAuth vendor's credential fields).
 */
import { runConfigSchema } from '../../generated/run-config/schema.js';
import { isJsonObject } from './json-object.js';

type Schema = Readonly<Record<string, unknown>>;

const isSchema: (value: unknown) => value is Schema = isJsonObject;

/** A local "#/$defs/<name>" reference, followed; the generated schema has no other kind. */
function referenced(ref: string): Schema | undefined {
  const name = /^#\/\$defs\/([^/]+)$/.exec(ref)?.[1];
  const defs = runConfigSchema.$defs;
  return name !== undefined && isSchema(defs) && isSchema(defs[name]) ? defs[name] : undefined;
}

/** A schema and every schema it is made of ($ref, allOf, oneOf), each of which may name members. */
function parts(schema: Schema): Schema[] {
  const nested = [
    ...(typeof schema.$ref === 'string' ? [referenced(schema.$ref)] : []),
    ...['allOf', 'oneOf', 'anyOf'].flatMap((keyword) => {
      const list = schema[keyword];
      return Array.isArray(list) ? list : [];
    }),
  ].filter(isSchema);
  return [schema, ...nested.flatMap(parts)];
}

/** The schemas that apply to the value at `path` below `from`. */
function schemasAt(from: Schema, path: readonly string[]): Schema[] {
  let found = [from];
  for (const name of path) {
    found = found.flatMap(parts).flatMap((schema) => {
      const properties = schema.properties;
      if (isSchema(properties) && isSchema(properties[name])) return [properties[name]];
      return isSchema(schema.additionalProperties) ? [schema.additionalProperties] : [];
    });
  }
  return found;
}

/**
 * The definition named `name` in the config schema (an operation object, say). The names asked
 * for are the template's own, so none is missing; an empty schema would only list no members.
 */
export function definition(name: string): Schema {
  return referenced(`#/$defs/${name}`) ?? {};
}

/** The member names accepted by the object at `path` below `from` (the whole schema by default). */
export function membersAt(path: readonly string[], from: Schema = runConfigSchema): string[] {
  const names = schemasAt(from, path)
    .flatMap(parts)
    .flatMap((schema) => (isSchema(schema.properties) ? Object.keys(schema.properties) : []));
  return [...new Set(names)];
}
