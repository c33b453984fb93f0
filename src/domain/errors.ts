/**
 * Errors carry a stable code that clients can rely on, an Indonesian message (default) and an English one.
 * The HTTP layer maps codes to statuses in one place (src/http/errors.ts); the CLI prints the message.
 */
export type ErrorCode =
  | 'validation_failed'
  | 'case_not_found'
  | 'not_found'
  | 'transition_not_allowed'
  | 'transition_requirement_missing'
  | 'forbidden'
  | 'unauthenticated'
  | 'conflict'
  | 'unknown_service_code'
  | 'unknown_category'
  | 'unknown_agency'
  | 'unknown_area'
  | 'invalid_coordinates'
  | 'unsupported_media_type'
  | 'file_too_large'
  | 'payload_too_large'
  | 'invalid_signature'
  | 'reopen_window_passed'
  | 'invalid_access_code'
  | 'channel_disabled';

export interface ErrorDetail {
  field?: string;
  message: string;
}

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    /** Indonesian message (the default language of the product). */
    message: string,
    /** English message. */
    readonly messageEn: string,
    readonly details: ErrorDetail[] = [],
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const notFound = (what: string, id: string) =>
  new DomainError('not_found', `${what} '${id}' tidak ditemukan`, `${what} '${id}' not found`);

export const caseNotFound = (id: string) =>
  new DomainError('case_not_found', `Laporan '${id}' tidak ditemukan`, `Case '${id}' not found`);

export const forbidden = (why = '') =>
  new DomainError('forbidden', `Anda tidak berwenang melakukan ini${why ? `: ${why}` : ''}`, `Not allowed${why ? `: ${why}` : ''}`);

export const validationFailed = (details: ErrorDetail[]) =>
  new DomainError(
    'validation_failed',
    `Data tidak valid: ${details.map((d) => (d.field ? `${d.field}: ` : '') + d.message).join('; ')}`,
    `Invalid input: ${details.map((d) => (d.field ? `${d.field}: ` : '') + d.message).join('; ')}`,
    details,
  );
