import type { MiddlewareHandler, ValidationTargets } from 'hono';
import { validator } from 'hono/validator';
import type { z } from 'zod';
import { isFieldMessageKey } from '../../domain/field-messages';
import type { AppEnv } from './context';
import { DomainError, type FieldProblem } from './domain-error';

/**
 * Request validation at the boundary. A failed parse becomes VALIDATION_FAILED with one problem
 * per field; the error boundary words each in the user's language. Schemas name a message key of
 * src/domain/field-messages.ts as their custom message where the generic one would not do.
 */
export function toFieldProblems(error: z.ZodError): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const seen = new Set<string>();
  for (const issue of error.issues) {
    const path = issue.path.map(String).join('.');
    if (seen.has(path)) continue; // one message per field is enough to act on
    seen.add(path);
    problems.push({ path, ...describe(issue) });
  }
  return problems;
}

function describe(issue: z.core.$ZodIssue): Omit<FieldProblem, 'path'> {
  if (isFieldMessageKey(issue.message)) return { key: issue.message };
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined || issue.input === null) {
        const typed = issue.expected === 'string' || issue.expected === 'number';
        return { key: typed ? 'required' : 'choose' };
      }
      if (issue.expected === 'number' || issue.expected === 'int') return { key: 'numberExpected' };
      return { key: 'invalid' };
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'string') {
        return min <= 1 ? { key: 'required' } : { key: 'tooShort', params: { min } };
      }
      if (issue.origin === 'array' || issue.origin === 'set') {
        return min <= 1 ? { key: 'chooseAtLeastOne' } : { key: 'tooFewItems', params: { min } };
      }
      return { key: 'tooSmall', params: { min } };
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'string') return { key: 'tooLong', params: { max } };
      if (issue.origin === 'array' || issue.origin === 'set') {
        return { key: 'tooManyItems', params: { max } };
      }
      return { key: 'tooLarge', params: { max } };
    }
    case 'invalid_format':
      return { key: issue.format === 'email' ? 'invalidEmail' : 'invalid' };
    case 'invalid_value':
      // An empty select is a choice not yet made, not a wrong one.
      return { key: issue.input === '' || issue.input === undefined ? 'choose' : 'invalidChoice' };
    case 'not_multiple_of':
      return { key: 'integerExpected' };
    default:
      return { key: 'invalid' };
  }
}

export function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  // reportInput: the issues carry the value, to tell a missing field from a wrong one.
  const result = schema.safeParse(value, { reportInput: true });
  if (!result.success) {
    throw new DomainError('VALIDATION_FAILED', { fields: toFieldProblems(result.error) });
  }
  return result.data;
}

/**
 * Hono middleware: validates one part of the request against a zod schema. The typed client sees
 * the schema's input type (what a form may send, e.g. a 和暦 date string) and the route handler
 * its output type (the checked, normalised value).
 */
type Validated<T extends keyof ValidationTargets, S extends z.ZodType> = MiddlewareHandler<
  AppEnv,
  string,
  { in: { [K in T]: z.input<S> }; out: { [K in T]: z.output<S> } }
>;

export function valid<T extends keyof ValidationTargets, S extends z.ZodType>(
  target: T,
  schema: S,
): Validated<T, S> {
  return validator(target, (value): z.output<S> => parseOrThrow(schema, value)) as Validated<T, S>;
}
