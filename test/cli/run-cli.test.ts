import { describe, expect, it } from 'vitest';
import { EXIT } from '../../src/cli/io.js';
import { getVendor, normalizeError } from '../../src/index.js';
import { cli } from '../helpers/run-cli-captured.js';

const casexchangeBody = JSON.stringify({
  error: { code: 'rate_limited', message: 'Slow down.' },
  meta: { requestId: 'req_f2dbe1d3f6ad4a7bb5b4c9f2', timestamp: '2026-03-31T12:00:00.000Z' },
});

describe('error-contracts CLI', () => {
  it('prints usage and exits 2 when called with no command', async () => {
    const { code, stdout } = await cli([]);
    expect(code).toBe(EXIT.usage);
    expect(stdout).toContain('Usage: error-contracts');
  });

  it('names the unknown command and exits 2', async () => {
    const { code, stderr } = await cli(['frobnicate']);
    expect(code).toBe(EXIT.usage);
    expect(stderr).toContain('unknown command "frobnicate"');
  });

  it('catalog prints every code of the vendor with its status', async () => {
    const { code, stdout } = await cli(['catalog', 'collate']);
    expect(code).toBe(EXIT.ok);
    for (const entry of getVendor('collate').catalog) {
      expect(stdout).toMatch(new RegExp(`^${entry.code}\\s+${entry.status}\\s`, 'm'));
    }
  });

  it('catalog --format json prints the catalog itself', async () => {
    const { stdout } = await cli(['catalog', 'denialbase', '--format', 'json']);
    expect(JSON.parse(stdout)).toEqual(getVendor('denialbase').catalog);
  });

  it('catalog names the valid vendors when given an unknown one', async () => {
    const { code, stderr } = await cli(['catalog', 'acme']);
    expect(code).toBe(EXIT.usage);
    expect(stderr).toContain('unknown vendor "acme"');
    expect(stderr).toContain('foresight');
  });

  it('validate exits 0 for a valid body read from a file', async () => {
    const { code, stdout } = await cli(['validate', 'casexchange', 'saved.json'], {
      files: { 'saved.json': casexchangeBody },
    });
    expect(code).toBe(EXIT.ok);
    expect(stdout).toContain('valid');
  });

  it('validate exits 1 and prints JSON pointers for an invalid body from stdin', async () => {
    const { code, stdout } = await cli(['validate', 'casexchange', '-'], {
      stdin: JSON.stringify({
        error: { code: 'x', message: 'y' },
        meta: { requestId: 'r', timestamp: 'yesterday' },
      }),
    });
    expect(code).toBe(EXIT.failed);
    expect(stdout).toContain('/meta/timestamp: must match format "date-time"');
  });

  it('validate --format json reports the errors as data', async () => {
    const { code, stdout } = await cli(['validate', 'casexchange', '--format', 'json'], { stdin: '<html>' });
    expect(code).toBe(EXIT.failed);
    expect(JSON.parse(stdout)).toEqual({
      valid: false,
      errors: [{ path: '', message: 'body is not JSON (it looks like an HTML page)' }],
      warnings: [],
    });
  });

  it('validate warns, without failing, of a code the catalog lacks and a request id of another form', async () => {
    const body = JSON.stringify({
      error: { code: 'made_up_code', message: 'm', retryable: false },
      requestId: 'not an id',
    });
    const text = await cli(['validate', 'collate'], { stdin: body });
    expect(text.code).toBe(EXIT.ok);
    expect(text.stdout).toContain('warning: code "made_up_code" is not in the catalog');
    expect(text.stdout).toContain('warning: request id "not an id" does not have the documented form');
    const json = await cli(['validate', 'collate', '--format', 'json'], { stdin: body });
    const normalized = normalizeError('collate', { status: 409, body });
    // The same words normalizeError puts in problems.
    expect(JSON.parse(json.stdout).warnings).toEqual(
      normalized.problems.filter((p) => p.kind === 'unknown_code' || p.kind === 'malformed_request_id'),
    );
    expect(JSON.parse(json.stdout).warnings).toHaveLength(2);
  });

  it('validate gives no warning for a documented code and a well-formed request id', async () => {
    const { code, stdout } = await cli(['validate', 'casexchange'], { stdin: casexchangeBody });
    expect(code).toBe(EXIT.ok);
    expect(stdout).not.toContain('warning');
  });

  it('validate --schema checks another envelope of the vendor', async () => {
    const { code } = await cli(['validate', 'claimrev', '--schema', 'tokenError'], {
      stdin: '{"error":"invalid_client"}',
    });
    expect(code).toBe(EXIT.ok);
    const wrong = await cli(['validate', 'collate', '--schema', 'tokenError'], { stdin: '{}' });
    expect(wrong.code).toBe(EXIT.usage);
    expect(wrong.stderr).toContain('--schema must be one of envelope');
  });

  it('validate says which file could not be read and how to fix it', async () => {
    const { code, stderr } = await cli(['validate', 'denialbase', 'missing.json']);
    expect(code).toBe(EXIT.usage);
    expect(stderr).toContain('cannot read "missing.json": no such file');
  });

  it('reports an unknown flag as a usage error naming the command and the flag', async () => {
    const { code, stderr } = await cli(['catalog', 'collate', '--colour']);
    expect(code).toBe(EXIT.usage);
    expect(stderr).toBe(
      'error-contracts catalog: unknown option --colour. See "error-contracts help catalog".\n',
    );
  });

  it('summary validates every schema example and exits 0', async () => {
    const { code, stdout } = await cli(['summary']);
    expect(code).toBe(EXIT.ok);
    for (const name of ['ClaimRev', 'Collate', 'CaseXchange', 'Foresight', 'Denialbase'])
      expect(stdout).toContain(name);
    expect(stdout).toContain('Every schema example validates');
  });
});
