export type { VendorClient } from './client/create-client.js';
export { createClient } from './client/create-client.js';
export type { VendorApiErrorDetails } from './client/errors.js';
export {
  AuthenticationError,
  ConflictError,
  IdempotencyError,
  isVendorApiError,
  NotFoundError,
  PayloadTooLargeError,
  PermissionError,
  RateLimitError,
  RedirectError,
  SecondFactorRequiredError,
  ServerError,
  TransportError,
  UnclassifiedError,
  UpstreamError,
  ValidationError,
  VendorApiError,
} from './client/errors.js';
export type { SupportBundle } from './client/support-bundle.js';
export type {
  ApiKeyCredentials,
  BearerCredentials,
  ClientCredentials,
  ClientLogger,
  ClientOptions,
  ClientResponse,
  CredentialsByScheme,
  CredentialsFor,
  FetchFunction,
  OAuth2ClientCredentials,
  RequestOptions,
  RetryEvent,
  SessionCookieCredentials,
} from './client/types.js';
export type { ErrorCode } from './errors.js';
export {
  ERROR_CODES,
  ErrorContractsError,
  InvalidOptionError,
  MatcherUsageError,
  UnknownEnvelopeError,
  UnknownVendorError,
} from './errors.js';
export type { CatalogEntry, ClientAction, ErrorCategory, VendorPolicy } from './generated/meta-types.js';
export { normalizeError } from './normalize/normalize-error.js';
export type { ProblemDetails } from './normalize/problem-details.js';
export { PROBLEM_JSON_MEDIA_TYPE, toProblemDetails } from './normalize/problem-details.js';
export { DEFAULT_PHI_FIELDS } from './normalize/redact.js';
export type {
  FieldError,
  HeadersInput,
  NormalizedCode,
  NormalizedError,
  NormalizedErrorFields,
  NormalizeOptions,
  Problem,
  ProblemKind,
  RateLimitInfo,
  RawResponse,
  RedactionOptions,
  ResetReading,
  ResponseInput,
  RetryAfterSource,
  UncataloguedCode,
} from './normalize/types.js';
export type { DecideRetryOptions, RetryDecision } from './retry/decide-retry.js';
export { DEFAULT_MAX_RETRY_AFTER_MS, decideRetry } from './retry/decide-retry.js';
export type { RandomSource } from './retry/schedule.js';
export type { ValidationIssue } from './validation/issues.js';
export type { ValidateErrorOptions, ValidationResult } from './validation/validate-error.js';
export { validateError } from './validation/validate-error.js';
export type {
  AuthSchemeByVendor,
  CodeByVendor,
  EnvelopeByVendor,
  EnvelopeTypes,
  VendorDefinition,
  VendorId,
} from './vendors/registry.js';
export { findCatalogEntry, getVendor, isVendorId, vendorIds } from './vendors/registry.js';
