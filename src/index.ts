export { ErrorContractsError, UnknownEnvelopeError, UnknownVendorError } from './errors.js';
export type { CatalogEntry, ClientAction, ErrorCategory, VendorPolicy } from './generated/meta-types.js';
export type { ValidationIssue } from './validation/issues.js';
export type { ValidateErrorOptions, ValidationResult } from './validation/validate-error.js';
export { validateError } from './validation/validate-error.js';
export type {
  CodeByVendor,
  EnvelopeByVendor,
  EnvelopeTypes,
  VendorDefinition,
  VendorId,
} from './vendors/registry.js';
export { findCatalogEntry, getVendor, isVendorId, vendorIds } from './vendors/registry.js';
