/** One failure reported by an ajv-compiled validator (the subset the package reads). */
export interface CompiledValidatorError {
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
}

/** A generated standalone validator: a type guard that keeps its last failures on `errors`. */
export type CompiledValidator<T> = ((data: unknown) => data is T) & {
  errors?: CompiledValidatorError[] | null;
};
