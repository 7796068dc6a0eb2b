import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { credentialVariable, factVariable } from '../../src/runner/config/env-names.js';
import { parseRunConfig, resolveSandboxConfig } from '../../src/runner/config/sandbox-config.js';
import { describeChecks } from '../../src/runner/describe-checks.js';
import { CREDENTIAL_ROLES } from '../../src/scenarios/types.js';
import { repoRoot, schemasDir } from '../helpers/paths.js';

/** The worked sandbox example in docs/running.md, read from the page itself. */
async function workedExample(): Promise<{ text: string; config: Record<string, unknown> }> {
  const page = await readFile(join(repoRoot, 'docs', 'running.md'), 'utf8');
  const after = page.slice(page.indexOf('<!-- worked-sandbox-config -->'));
  const text = after.split('```json\n')[1]?.split('```')[0] ?? '';
  return { text, config: JSON.parse(text) };
}

/** Lines of one vendor's object in the block, from its opening line to its closing brace. */
function vendorLines(text: string, vendorId: string): number {
  const lines = text.split('\n');
  const start = lines.findIndex((line) => line.trim().startsWith(`"${vendorId}"`));
  const indent = (lines[start] ?? '').search(/\S/);
  const end = lines.findIndex((line, index) => index > start && line.startsWith(`${' '.repeat(indent)}}`));
  return end - start + 1;
}

describe('the worked sandbox example in docs/running.md', () => {
  it('is a valid config by the shipped schema and by the loader', async () => {
    const { config } = await workedExample();
    const schema = JSON.parse(await readFile(join(schemasDir, 'meta', 'run-config.schema.json'), 'utf8'));
    const validate = new Ajv2020({ strict: false }).compile(schema);
    expect(validate(config) ? [] : validate.errors).toEqual([]);
    expect(() => parseRunConfig(config, 'docs/running.md')).not.toThrow();
  });

  it.each(['casexchange', 'collate'])(
    'configures %s in at most 21 lines and no per-check override',
    async (vendorId) => {
      const { text, config } = await workedExample();
      expect(vendorLines(text, vendorId)).toBeLessThanOrEqual(21);
      const vendors = config.vendors as Record<string, Record<string, unknown>>;
      expect(vendors[vendorId]?.checks).toBeUndefined();
    },
  );

  it.each([
    // Its ids are integers, so no body field must be a UUID: that check stays skipped, naming the fact.
    ['casexchange', ['uuidField']],
    // The fixtures hook supplies the pending file.
    ['collate', ['pendingFileId']],
  ])('names every record %s’s sandbox-capable checks need', async (vendorId, fromElsewhere) => {
    const { config } = await workedExample();
    const env: Record<string, string> = {
      ...Object.fromEntries(CREDENTIAL_ROLES.map((role) => [credentialVariable(vendorId, role), 'key'])),
      // The page keeps the one secret fact, a key of another environment, in the environment.
      [factVariable('collate', 'productionKey')]: 'col_live_example',
    };
    const vendor = resolveSandboxConfig(parseRunConfig(config, 'docs'), env).get(vendorId as 'collate');
    if (!vendor) throw new Error(`${vendorId} is not in the example`);
    const lacking = describeChecks(vendor, { simulated: false })
      .filter((check) => check.sandbox && check.notRun?.includes('facts.'))
      .flatMap((check) => check.facts.filter((fact) => !(fact in vendor.credentials.facts)));
    expect([...new Set(lacking)].filter((fact) => !fromElsewhere.includes(fact))).toEqual([]);
  });
});
