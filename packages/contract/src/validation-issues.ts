import { ID_PATTERN, UUID_V7_PATTERN, type ValidationIssue } from '@gridsweep/core';
import { ID_REASON, UUID_V7_REASON } from './ids.js';
import { SAFE_TEXT_PATTERN, SAFE_TEXT_REASON } from './safe-text.js';
import { COUNT_PATH_PATTERN, COUNT_PATH_REASON } from './schemas/area-counts.js';

/**
 * One complaint of a JSON Schema validator. Ajv (Fastify's HTTP validation)
 * and TypeBox (socket payloads, the dashboard's checks of answers) both give
 * this shape; they differ only in how they name missing and unknown properties.
 */
export interface SchemaError {
  readonly instancePath: string;
  readonly keyword: string;
  readonly params: Readonly<Record<string, unknown>>;
  readonly message?: string | undefined;
}

/** A pattern says what it refuses in words people read, not as a regular expression. */
const PATTERN_REASONS: Readonly<Record<string, string>> = {
  [ID_PATTERN.source]: ID_REASON,
  [UUID_V7_PATTERN.source]: UUID_V7_REASON,
  [SAFE_TEXT_PATTERN]: SAFE_TEXT_REASON,
  [COUNT_PATH_PATTERN]: COUNT_PATH_REASON,
};

function names(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((name): name is string => typeof name === 'string') : [];
}

/** "/events/3/deviceTime" becomes "events.3.deviceTime", the core's field notation. */
function pathOf(root: string, whole: string, instancePath: string, name?: string): string {
  const parts = instancePath.split('/').filter(Boolean).map((part) => part.replaceAll('~1', '/').replaceAll('~0', '~'));
  if (root) parts.unshift(root);
  if (name !== undefined) parts.push(name);
  return parts.join('.') || whole;
}

const SHAPES = { anyOf: 'does not match any of the shapes allowed here', oneOf: 'does not match exactly one of the shapes allowed here' } as const;

/**
 * A reason in words, made from the keyword and its parameters rather than the
 * validator's message, so Ajv and TypeBox (whose messages differ in case)
 * give the same reason for the same fault.
 */
function reasonOf(error: SchemaError): string {
  const { limit, comparison, type, format, allowedValues, allowedValue, pattern } = error.params;
  switch (error.keyword) {
    case 'type':
      return `must be ${String(type)}`;
    case 'minItems':
      return `must have at least ${String(limit)} items`;
    case 'maxItems':
      return `must have at most ${String(limit)} items`;
    case 'minProperties':
      return `must have at least ${String(limit)} ${limit === 1 ? 'field' : 'fields'}`;
    case 'minLength':
      return `must be at least ${String(limit)} characters long`;
    case 'maxLength':
      return `must be at most ${String(limit)} characters long`;
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return `must be ${String(comparison)} ${String(limit)}`;
    case 'enum':
      return `must be one of ${Array.isArray(allowedValues) ? allowedValues.map((value) => JSON.stringify(value)).join(', ') : 'the allowed values'}`;
    case 'const':
      return `must be ${JSON.stringify(allowedValue)}`;
    case 'format':
      return `must be a ${String(format)}`;
    case 'pattern':
      return (typeof pattern === 'string' ? PATTERN_REASONS[pattern] : undefined) ?? `must match ${String(pattern)}`;
    case 'anyOf':
    case 'oneOf':
      return SHAPES[error.keyword];
    default:
      return error.message ?? 'is not valid';
  }
}

/**
 * The validator's complaints as issues naming each field, the way the core's
 * validators name them. `root` prefixes every path (a socket payload that is a
 * list of events is `events`); `whole` names the value itself when there is no
 * path (a request body that is not an object is `body`).
 */
export function issuesOf(errors: readonly SchemaError[], root = '', whole = root || '(root)'): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  for (const error of errors) {
    // TypeBox reports an unknown property twice: as a `false` schema at its path and as additionalProperties.
    if (error.keyword === 'boolean') continue;
    if (error.keyword === 'required') {
      for (const name of names(error.params.missingProperty ?? error.params.requiredProperties)) {
        issues.push({ field: pathOf(root, whole, error.instancePath, name), reason: 'is required' });
      }
    } else if (error.keyword === 'additionalProperties') {
      for (const name of names(error.params.additionalProperty ?? error.params.additionalProperties)) {
        issues.push({ field: pathOf(root, whole, error.instancePath, name), reason: 'is not a known field' });
      }
    } else {
      issues.push({ field: pathOf(root, whole, error.instancePath), reason: reasonOf(error) });
    }
  }
  const seen = new Set<string>();
  return issues.filter((issue) => {
    const key = `${issue.field}\u0000${issue.reason}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
}
