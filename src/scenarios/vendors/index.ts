/** The scenario data, one per registry vendor; the index is generated (see src/generated/). */
export { vendorScenarios } from '../../generated/scenario-data.js';
