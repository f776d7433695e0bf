import type { z } from 'zod';
import { errorCodes, type AppError, type ErrorCode } from '../../../../shared/errors';
import i18next from 'i18next';

const codes: ReadonlySet<string> = new Set(errorCodes);
const isErrorCode = (message: string): message is ErrorCode => codes.has(message);

/**
 * Inline messages per field: the shared zod schema checks the form before sending (the same schema
 * the core validates with), and a refusal from the core lands on its field.
 */
export function fieldErrors(schema: z.ZodType, value: unknown): Record<string, string> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return {};
  const errors: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path.join('.');
    const code = isErrorCode(issue.message) ? issue.message : 'INVALID_PAYLOAD';
    errors[field] ??= i18next.t(`errors.${code}`, { field });
  }
  return errors;
}

/** Where a core refusal names a field, show it there; otherwise under `fallbackField`. */
export function errorForField(error: AppError, fallbackField: string): Record<string, string> {
  const field =
    typeof error.params.field === 'string' && error.params.field ? error.params.field : fallbackField;
  return { [field]: i18next.t(`errors.${error.code}`, error.params) };
}
