import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { brokerArgs, brokerSetting, recordDeploymentArgs } from '../../scripts/pact/broker-config.js';

const SENTINEL_TOKEN = 'sentinel-broker-token-5f1c';

describe('the broker script', () => {
  it.each(['publish', 'verify', 'record-deployment', 'can-i-deploy'])(
    'says the broker is not configured and exits 0 for %s when no broker is set',
    (step) => {
      const env = { ...process.env };
      delete env.PACT_BROKER_BASE_URL;
      delete env.PACT_BROKER_TOKEN;
      const run = spawnSync('node_modules/.bin/tsx', ['scripts/pact/broker.ts', step], {
        env,
        encoding: 'utf8',
      });
      expect(run.status).toBe(0);
      expect(run.stdout).toContain('Pact Broker not configured');
      expect(run.stdout).toContain('PACT_BROKER_BASE_URL and PACT_BROKER_TOKEN');
    },
  );

  it('names the one variable that is missing', () => {
    const setting = brokerSetting({ PACT_BROKER_BASE_URL: 'http://127.0.0.1:9292' });
    expect(setting.configured ? '' : setting.message).toContain('(PACT_BROKER_TOKEN unset)');
  });

  it('keeps the token out of the pact-broker arguments', () => {
    const setting = brokerSetting({
      PACT_BROKER_BASE_URL: 'http://127.0.0.1:9292',
      PACT_BROKER_TOKEN: SENTINEL_TOKEN,
      GITHUB_SHA: 'abc123',
    });
    if (!setting.configured) throw new Error('expected a configured broker');
    for (const step of ['publish', 'can-i-deploy'] as const) {
      const args = brokerArgs(step, setting.config, 'contracts');
      expect(args.join(' ')).not.toContain(SENTINEL_TOKEN);
      expect(args).toContain('abc123');
    }
  });

  it('records each provider at this version in the environment can-i-deploy asks about', () => {
    const setting = brokerSetting({
      PACT_BROKER_BASE_URL: 'http://127.0.0.1:9292',
      PACT_BROKER_TOKEN: SENTINEL_TOKEN,
      PACT_VERSION: 'abc123',
    });
    if (!setting.configured) throw new Error('expected a configured broker');
    const recorded = recordDeploymentArgs('collate', setting.config);
    const asked = brokerArgs('can-i-deploy', setting.config, 'contracts');
    const environmentOf = (args: string[], flag: string) => args[args.indexOf(flag) + 1];
    expect(recorded.slice(0, 5)).toEqual([
      'record-deployment',
      '--pacticipant',
      'collate',
      '--version',
      'abc123',
    ]);
    expect(environmentOf(recorded, '--environment')).toBe(environmentOf(asked, '--to-environment'));
    expect(recorded.join(' ')).not.toContain(SENTINEL_TOKEN);
  });
});
