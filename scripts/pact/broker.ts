/**
 * Publishes contracts and verification results to a Pact Broker and asks can-i-deploy.
 *
 *   tsx scripts/pact/broker.ts publish [dir]      contracts (default contracts/)
 *   tsx scripts/pact/broker.ts verify [dir]       verifies the broker's contracts against the
 *                                                 embedded simulator and publishes the results
 *   tsx scripts/pact/broker.ts record-deployment  records each verified provider (vendor) as
 *                                                 deployed to the broker's production environment
 *   tsx scripts/pact/broker.ts can-i-deploy
 *
 * Configured by PACT_BROKER_BASE_URL and PACT_BROKER_TOKEN (version from PACT_VERSION or
 * GITHUB_SHA, branch from PACT_BRANCH or GITHUB_REF_NAME). Unconfigured, it says so and exits 0,
 * so forks and local runs pass without a broker.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { runPact } from '../../src/pact/run.js';
import { vendorIds } from '../../src/vendors/registry.js';
import { brokerArgs, brokerSetting, recordDeploymentArgs } from './broker-config.js';

const [step = '', dir = 'contracts'] = process.argv.slice(2);
if (!['publish', 'verify', 'record-deployment', 'can-i-deploy'].includes(step)) {
  process.stderr.write(
    'Usage: tsx scripts/pact/broker.ts publish|verify|record-deployment|can-i-deploy [dir]\n',
  );
  process.exit(2);
}
process.env.PACT_DO_NOT_TRACK ??= 'true';
const setting = brokerSetting(process.env);
if (!setting.configured) {
  process.stdout.write(`${setting.message}\n`);
  process.exit(0);
}
const { config } = setting;

if (step === 'verify') {
  const result = await runPact({
    vendors: vendorIds,
    dir,
    generate: false,
    verify: true,
    broker: {
      pactBrokerUrl: config.baseUrl,
      pactBrokerToken: config.token,
      publishVerificationResult: true,
      providerVersion: config.version,
      providerVersionBranch: config.branch,
    },
  });
  const failed = result.vendors.filter((vendor) => (vendor.failedIds?.length ?? 0) > 0);
  for (const vendor of result.vendors) {
    process.stdout.write(`${vendor.vendorId}: ${vendor.failedIds?.length ? 'FAIL' : 'pass'}\n`);
  }
  process.exit(failed.length > 0 ? 1 : 0);
}

const bin = join('node_modules', '.bin', 'pact-broker');
const brokerEnv = { ...process.env, PACT_BROKER_BASE_URL: config.baseUrl, PACT_BROKER_TOKEN: config.token };
if (step === 'record-deployment') {
  for (const vendorId of vendorIds) {
    const recorded = spawnSync(bin, recordDeploymentArgs(vendorId, config), {
      stdio: 'inherit',
      env: brokerEnv,
    });
    if (recorded.status !== 0) process.exit(recorded.status ?? 1);
  }
  process.exit(0);
}
const run = spawnSync(bin, brokerArgs(step as 'publish' | 'can-i-deploy', config, dir), {
  stdio: 'inherit',
  env: brokerEnv,
});
process.exit(run.status ?? 1);
