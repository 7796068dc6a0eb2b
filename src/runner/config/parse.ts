/**
 * Reading raw values from the environment: a variable's value (blank counts as not set), a config
 * string that names a variable, and an operation written in one variable.
 */
import type { HttpMethod } from '../../generated/meta-types.js';
import type { OperationOverride } from '../../scenarios/types.js';
import type { ConfigProblems } from './errors.js';
import { RunConfigError } from './errors.js';
import { guardOperationVariable } from './guard.js';
import { isJsonObject } from './json-object.js';
import { definition } from './schema-members.js';
import type { ConfigString, Env } from './types.js';

/** A variable's value; an empty one counts as not given, so a config written by init loads as it is. */
export function fromEnv(env: Env, name: string): string | undefined {
  const value = env[name];
  return value === undefined || value === '' ? undefined : value;
}

/**
 * A config string's value. A variable that is not set counts as not given when it is the one this
 * member is read from anyway (what `init` writes: `{ "env": "ERROR_CONTRACTS_COLLATE_FACT_..." }`),
 * so the member is reported where it is needed, naming that variable. A variable of another name
 * that is not set is a problem naming both, kept in `problems`: the file says the value exists,
 * and a skip reason would point at a different variable.
 */
export function lookUp(
  value: ConfigString | undefined,
  env: Env,
  at: string,
  usual: string,
  problems: ConfigProblems,
): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string') return value;
  const found = fromEnv(env, value.env);
  if (found !== undefined) return found;
  if (value.env !== usual) {
    problems.add(`${at} names the variable ${value.env}, which is not set; set it or remove ${at}.`);
  }
  return undefined;
}

/** The methods an operation may name, as the config schema lists them. */
function methods(): readonly string[] {
  const method = (definition('operation').properties as Record<string, { enum?: unknown }>).method;
  return Array.isArray(method?.enum) ? method.enum : [];
}

/**
 * An operation given in an ERROR_CONTRACTS_<VENDOR>_OPERATION_<NAME> variable: a JSON object of
 * operation members (`{"method":"PATCH","body":{...}}`), `METHOD /path`, or a path alone.
 */
export function parseOperationVariable(text: string, variable: string): OperationOverride {
  const trimmed = text.trim();
  // `{{operations.<name>}}/...` is a path; only a single brace opens a JSON object.
  if (trimmed.startsWith('{') && !trimmed.startsWith('{{')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(trimmed);
    } catch {
      throw new RunConfigError(`${variable} starts with "{" but is not a JSON object of operation members.`);
    }
    if (!isJsonObject(parsed))
      throw new RunConfigError(`${variable} must be a JSON object of operation members.`);
    return guardOperationVariable(parsed, variable);
  }
  const methodAndPath = /^([A-Z]+)\s+(\S+)$/.exec(trimmed);
  if (methodAndPath) {
    const [, method, path] = methodAndPath as unknown as [string, string, string];
    if (!methods().includes(method)) {
      throw new RunConfigError(`${variable}: ${method} is not one of ${methods().join(', ')}.`);
    }
    return { method: method as HttpMethod, path };
  }
  return { path: trimmed };
}
