import { isUniqueViolation } from '../db/errors';
import { DomainError } from '../http/domain-error';

/** A unique name violation becomes DUPLICATE_NAME on the `name` field; anything else goes on up. */
export function rethrowDuplicateName(error: unknown): never {
  if (isUniqueViolation(error)) {
    throw new DomainError('DUPLICATE_NAME', { fields: [{ path: 'name', key: 'duplicateName' }] });
  }
  throw error;
}
