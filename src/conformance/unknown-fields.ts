import type { DriftNote, JsonValue } from '../report/result.js';

type Schema = Readonly<Record<string, unknown>>;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const escapePointer = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1');

/**
 * Members of a body that the schema does not name. Vendors add fields over time and a client
 * tolerates them, so they are drift to report rather than failures. Only objects whose schema
 * lists `properties` are judged: an object declared without them (free-form details) knows any key.
 */
export function unknownFields(schema: Schema, body: unknown, pointer = ''): DriftNote[] {
  if (Array.isArray(body)) {
    const items = schema.items;
    if (!isObject(items)) return [];
    return body.flatMap((item, index) => unknownFields(items, item, `${pointer}/${index}`));
  }
  if (!isObject(body)) return [];
  const properties = schema.properties;
  if (!isObject(properties)) return [];
  return Object.entries(body).flatMap(([key, value]) => {
    const memberPointer = `${pointer}/${escapePointer(key)}`;
    const memberSchema = properties[key];
    if (!isObject(memberSchema)) {
      return [
        {
          message: `The body has a member the schema does not know: ${key}.`,
          path: memberPointer,
          expected: `only the members the schema lists (${Object.keys(properties).join(', ')})`,
          actual: { [key]: value as JsonValue },
        },
      ];
    }
    return unknownFields(memberSchema, value, memberPointer);
  });
}
