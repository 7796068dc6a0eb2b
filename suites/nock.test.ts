import { vendorIds } from '../src/index.js';
import { defineSimulatorConformance } from './conformance-expectations.js';

// The same checklists with the simulator mounted in-process through nock: no socket at all. The
// size-limit checks, which stream megabytes, are left to the local target.
defineSimulatorConformance({ target: 'nock', vendors: vendorIds, allowSkipped: true });
