/**
 * Runs Pact generation and verification and writes the result as JSON to a file. Pact's native
 * verifier prints its whole report straight to the process's stdout, below Node's streams, so a
 * test that wants a readable log runs it here, in a child process whose output it keeps and
 * shows only when something went wrong.
 *
 *   tsx scripts/pact/run-json.ts '<PactRunOptions as JSON>' <result.json>
 *   tsx scripts/pact/run-json.ts --sandbox '<SandboxVerifyOptions as JSON>' <result.json>
 */
import { writeFile } from 'node:fs/promises';
import { type PactRunOptions, runPact } from '../../src/pact/run.js';
import { verifySandbox } from '../../src/pact/sandbox.js';

process.env.PACT_DO_NOT_TRACK ??= 'true';
const args = process.argv.slice(2);
const sandbox = args[0] === '--sandbox';
const [optionsJson, resultFile] = sandbox ? args.slice(1) : args;
if (optionsJson === undefined || resultFile === undefined) {
  process.stderr.write('usage: run-json.ts [--sandbox] <options JSON> <result file>\n');
  process.exit(2);
}
const options = JSON.parse(optionsJson) as PactRunOptions & Parameters<typeof verifySandbox>[0];
const result = sandbox ? await verifySandbox(options) : await runPact(options);
await writeFile(resultFile, JSON.stringify(result));
