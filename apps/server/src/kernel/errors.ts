import type { ErrorKind } from '@sifang/shared/errors';
import type { MessageCode } from '@sifang/shared/i18n/messages';

/** The one error type of the application; `kind` decides the HTTP status, `code` the translated message. */
export class AppError extends Error {
  constructor(
    readonly kind: ErrorKind,
    readonly code: MessageCode,
    readonly params: Record<string, unknown> = {},
    /** field path → message code, shown next to the form fields */
    readonly fields: Record<string, MessageCode> = {},
  ) {
    super(code);
    this.name = 'AppError';
  }
}

export const notFound = () => new AppError('not_found', 'record.not_found');
export const forbidden = () => new AppError('forbidden', 'auth.forbidden');
export const invalidField = (field: string, code: MessageCode, params: Record<string, unknown> = {}) =>
  new AppError('invalid', 'request.invalid', params, { [field]: code });
