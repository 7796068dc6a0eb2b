import { vendorIds } from '../src/index.js';
import { defineSimulatorConformance } from './conformance-expectations.js';

// The same checklists with the simulator mounted in-process through nock: no socket at all. The
// size-limit checks stream their bytes in here too (nock answers once the body has ended).
defineSimulatorConformance({ target: 'nock', vendors: vendorIds, allowSkipped: true });
