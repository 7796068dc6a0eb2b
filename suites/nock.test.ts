import { vendorIds } from '../src/index.js';
import { defineSimulatorConformance } from './conformance-expectations.js';

// The same checklists with the simulator mounted in-process through nock: no socket at all.
// Requests whose declared length differs from their body need a socket, so those are skipped here.
defineSimulatorConformance({ target: 'nock', vendors: vendorIds, allowSkipped: true });
