import { vendorIds } from '../src/index.js';
import { defineSimulatorConformance } from './conformance-expectations.js';

// The embedded simulator over loopback HTTP, through the same code path as a sandbox run.
defineSimulatorConformance({ target: 'local', vendors: vendorIds });
