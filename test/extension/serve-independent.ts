/**
 * Starts the independent implementation of one vendor on 127.0.0.1 and writes the sandbox config a
 * user would write for it (base URL, credentials, operations, facts, and per-check requests for the
 * records its docs-driven server always fails on), then prints `ready` and serves until killed.
 *
 *   tsx test/extension/serve-independent.ts <vendor id> <config file>
 */
import { writeFileSync } from 'node:fs';
import { isVendorId } from '../../src/vendors/registry.js';
import { magicOverrides, sandboxConfig } from '../independent/config.js';
import { startIndependentVendors } from '../independent/index.js';

const [vendorId, configFile] = process.argv.slice(2);
if (!isVendorId(vendorId) || configFile === undefined) {
  console.error(`usage: serve-independent.ts <vendor id> <config file> (got ${vendorId ?? 'nothing'})`);
  process.exit(2);
}
const vendors = await startIndependentVendors({ vendors: [vendorId] });
const config = sandboxConfig(vendors.directory);
const directory = vendors.directory[vendorId];
const vendorConfig = config.vendors[vendorId];
if (directory && vendorConfig) vendorConfig.checks = { ...vendorConfig.checks, ...magicOverrides(directory) };
writeFileSync(configFile, `${JSON.stringify(config, null, 2)}\n`, { mode: 0o600 });
console.log('ready');
// Serves until the test kills this process group.
setInterval(() => {}, 60_000);
