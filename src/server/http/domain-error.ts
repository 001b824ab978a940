import type { ErrorCode, FieldError } from '../../domain/errors';
import type { FieldMessageKey } from '../../domain/field-messages';
import type { Action } from '../../domain/permissions';

/** A field problem before it is put into the user's language. */
export interface FieldProblem {
  path: string;
  key: FieldMessageKey;
  params?: Record<string, string | number>;
}

/** What a refused attempt was, so the error boundary can write its audit row. */
export interface DeniedAttempt {
  action: Action | string;
  subjectType?: string;
  subjectId?: string;
  personId?: string;
}

/**
 * The one error type use cases throw. Its code comes from the catalogue in src/domain/errors.ts;
 * the error boundary (error-boundary.ts) turns it into the HTTP answer.
 */
export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly fields: FieldProblem[] | FieldError[] | undefined;
  readonly details: Record<string, unknown> | undefined;
  readonly denied: DeniedAttempt | undefined;

  constructor(
    code: ErrorCode,
    options: {
      fields?: FieldProblem[];
      details?: Record<string, unknown>;
      denied?: DeniedAttempt;
      cause?: unknown;
    } = {},
  ) {
    super(code, { cause: options.cause });
    this.name = 'DomainError';
    this.code = code;
    this.fields = options.fields;
    this.details = options.details;
    this.denied = options.denied;
  }
}

export function fieldError(
  path: string,
  key: FieldMessageKey,
  params?: Record<string, string | number>,
): DomainError {
  return new DomainError('VALIDATION_FAILED', {
    fields: [params ? { path, key, params } : { path, key }],
  });
}

export function forbidden(denied: DeniedAttempt): DomainError {
  return new DomainError('FORBIDDEN', { denied });
}

export function notFound(denied?: DeniedAttempt): DomainError {
  return new DomainError('NOT_FOUND', denied ? { denied } : {});
}

/** A stale save: the record moved on since the user loaded it. */
export function versionConflict(current: unknown): DomainError {
  return new DomainError('VERSION_CONFLICT', { details: { current } });
}
