import { HTTPException } from 'hono/http-exception';
import { type ErrorBody, errorCatalogue, errorMessage, type FieldError } from '../../domain/errors';
import { fieldMessage } from '../../domain/field-messages';
import { recordAudit } from '../audit/record-audit';
import type { AppContext } from './context';
import { requestContext } from './context';
import { DomainError, type FieldProblem } from './domain-error';
import { describeError } from './logger';

function toDomainError(error: unknown): DomainError | null {
  if (error instanceof DomainError) return error;
  if (error instanceof HTTPException) {
    if (error.status === 413) return new DomainError('PAYLOAD_TOO_LARGE');
    if (error.status === 400) return new DomainError('MALFORMED_REQUEST');
  }
  if (error instanceof SyntaxError) return new DomainError('MALFORMED_REQUEST');
  return null;
}

function isProblem(field: FieldProblem | FieldError): field is FieldProblem {
  return 'key' in field;
}

/**
 * The one place where errors become answers. Domain errors keep their code and get the message
 * of the user's language; a refused attempt gets its audit row here, after the transaction it
 * happened in has been rolled back; anything unexpected is logged with the request id and
 * answered with a plain apology that quotes it.
 */
export async function handleError(error: unknown, c: AppContext): Promise<Response> {
  const lang = c.get('lang') ?? 'ja';
  const requestId = c.get('requestId') ?? 'unknown';
  const deps = c.get('deps');
  const known = toDomainError(error);
  const domainError = known ?? new DomainError('INTERNAL_ERROR');

  if (!known) {
    deps?.logger.error('unhandled error', { requestId, path: c.req.path, ...describeError(error) });
  }

  if (domainError.denied && deps) {
    try {
      await recordAudit(deps.database.db, requestContext(c), {
        action: domainError.denied.action,
        outcome: 'denied',
        reason: domainError.code,
        ...(domainError.denied.subjectType ? { subjectType: domainError.denied.subjectType } : {}),
        ...(domainError.denied.subjectId ? { subjectId: domainError.denied.subjectId } : {}),
        ...(domainError.denied.personId ? { personId: domainError.denied.personId } : {}),
      });
    } catch (auditError) {
      deps.logger.error('audit of a denial failed', { requestId, ...describeError(auditError) });
    }
  }

  const body: ErrorBody = {
    error: {
      code: domainError.code,
      message: errorMessage(domainError.code, lang),
      requestId,
    },
  };
  if (domainError.fields?.length) {
    body.error.fields = domainError.fields.map((f) =>
      isProblem(f) ? { path: f.path, message: fieldMessage(f.key, lang, f.params) } : f,
    );
  }
  if (domainError.details) body.error.details = domainError.details;
  return c.json(body, errorCatalogue[domainError.code].status);
}
