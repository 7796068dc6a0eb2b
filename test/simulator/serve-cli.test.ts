import { describe, expect, it } from 'vitest';
import { EXIT } from '../../src/cli/io.js';
import { runCli } from '../../src/cli/run-cli.js';
import { eventually } from './helpers.js';

function startCli(argv: string[]) {
  const out = { stdout: '', stderr: '' };
  let stop: (() => void) | undefined;
  const exit = runCli(argv, {
    stdout: (text) => {
      out.stdout += text;
    },
    stderr: (text) => {
      out.stderr += text;
    },
    readStdin: async () => new Uint8Array(),
    readFile: async () => new Uint8Array(),
    env: {},
    onShutdown: (handler) => {
      stop = handler;
      return () => {
        stop = undefined;
      };
    },
  });
  return { out, exit, shutdown: () => stop?.() };
}

describe('error-contracts serve', () => {
  it('prints each vendor URL and credentials, logs requests without secrets, and stops on a shutdown signal', async () => {
    const cli = startCli(['serve', '--vendor', 'casexchange', '--vendor', 'claimrev', '--port', '0']);
    await eventually(() => cli.out.stdout.includes('listening'));
    const url = /base URL: (http:\/\/127\.0\.0\.1:\d+\/casexchange)/.exec(cli.out.stdout)?.[1];
    expect(url).toBeDefined();
    expect(cli.out.stdout).toContain('X-API-Key: cx_test_standard_7Qm2');
    expect(cli.out.stdout).toMatch(
      /client_id=crv-test-client-full client_secret=\S+ scope=\S+ token URL http/,
    );
    expect(cli.out.stdout).not.toContain('/collate');

    const answer = await fetch(`${url}/firms/me?api_key=leaky`, {
      headers: { 'X-API-Key': 'cx_test_standard_7Qm2' },
    });
    expect(answer.status).toBe(200);
    await eventually(() => cli.out.stdout.includes('GET /casexchange/firms/me'));
    const logLine =
      cli.out.stdout.split('\n').find((line) => line.includes('GET /casexchange/firms/me')) ?? '';
    expect(logLine).toMatch(/ 200 \d+\.\dms/);
    expect(logLine).toContain('api_key=%5BREDACTED%5D');
    expect(logLine).not.toContain('cx_test_standard_7Qm2');
    expect(logLine).not.toContain('leaky');

    cli.shutdown();
    expect(await cli.exit).toBe(EXIT.ok);
    expect(cli.out.stdout).toContain('Simulator stopped.');
    await expect(fetch(`${url}/firms/me`)).rejects.toThrow();
  });

  it.each([
    [['serve', '--port', 'eighty'], '--port must be a number'],
    [['serve', '--port', '70000'], '--port must be a number'],
    [['serve', '--vendor', 'acme'], 'unknown vendor "acme"'],
  ])('refuses %j with a usage error naming the flag', async (argv, message) => {
    const cli = startCli(argv);
    expect(await cli.exit).toBe(EXIT.usage);
    expect(cli.out.stderr).toContain(message);
  });
});
