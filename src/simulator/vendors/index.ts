/** The behaviour models, one per registry vendor; the index is generated (see src/generated/). */
export { vendorModels } from '../../generated/simulator-models.js';
