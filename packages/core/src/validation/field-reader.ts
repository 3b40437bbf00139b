import { textProblem } from './text-rule.js';
import type { ValidationIssue } from './validated.js';

type Plain = Record<string, unknown>;

interface StringRule {
  readonly optional?: boolean;
  readonly maxLength?: number;
  readonly pattern?: RegExp;
  readonly patternReason?: string;
}

interface IntegerRule {
  readonly optional?: boolean;
  readonly min?: number;
  readonly max?: number;
}

/**
 * Reads fields out of an untrusted object, collecting every problem instead of
 * stopping at the first, so one answer tells the caller all that is wrong.
 */
export class FieldReader {
  readonly issues: ValidationIssue[] = [];
  private readonly object: Plain;

  constructor(
    input: unknown,
    private readonly path: string,
    private readonly knownKeys: readonly string[],
  ) {
    if (typeof input !== 'object' || input === null || Array.isArray(input)) {
      this.issues.push({ field: path || '(root)', reason: 'must be an object' });
      this.object = {};
      return;
    }
    this.object = input as Plain;
    for (const key of Object.keys(this.object)) {
      if (!knownKeys.includes(key)) this.fail(key, 'is not a known field');
    }
  }

  get ok(): boolean {
    return this.issues.length === 0;
  }

  field(key: string): string {
    return this.path ? `${this.path}.${key}` : key;
  }

  fail(key: string, reason: string): void {
    this.issues.push({ field: this.field(key), reason });
  }

  has(key: string): boolean {
    return this.object[key] !== undefined;
  }

  raw(key: string): unknown {
    return this.object[key];
  }

  string(key: string, rule: StringRule = {}): string | undefined {
    const value = this.object[key];
    if (value === undefined) {
      if (!rule.optional) this.fail(key, 'is required');
      return undefined;
    }
    if (typeof value !== 'string') return this.wrong(key, 'must be a string');
    if (value.trim() === '') return this.wrong(key, 'must not be empty');
    const problem = textProblem(value);
    if (problem !== null) return this.wrong(key, problem);
    const maxLength = rule.maxLength ?? 200;
    if (value.length > maxLength) return this.wrong(key, `must be at most ${maxLength} characters`);
    if (rule.pattern && !rule.pattern.test(value)) {
      return this.wrong(key, rule.patternReason ?? `must match ${String(rule.pattern)}`);
    }
    return value;
  }

  integer(key: string, rule: IntegerRule = {}): number | undefined {
    const value = this.object[key];
    if (value === undefined) {
      if (!rule.optional) this.fail(key, 'is required');
      return undefined;
    }
    if (typeof value !== 'number' || !Number.isInteger(value)) return this.wrong(key, 'must be an integer');
    if (rule.min !== undefined && value < rule.min) return this.wrong(key, `must be at least ${rule.min}`);
    if (rule.max !== undefined && value > rule.max) return this.wrong(key, `must be at most ${rule.max}`);
    return value;
  }

  boolean(key: string, optional = false): boolean | undefined {
    const value = this.object[key];
    if (value === undefined) {
      if (!optional) this.fail(key, 'is required');
      return undefined;
    }
    if (typeof value !== 'boolean') return this.wrong(key, 'must be true or false');
    return value;
  }

  oneOf<T extends string>(key: string, options: readonly T[], optional = false): T | undefined {
    const value = this.string(key, { optional });
    if (value === undefined) return undefined;
    if (!(options as readonly string[]).includes(value)) {
      return this.wrong(key, `must be one of ${options.join(', ')}`);
    }
    return value as T;
  }

  nullableString(key: string): string | null | undefined {
    if (this.object[key] === null) return null;
    return this.string(key);
  }

  private wrong(key: string, reason: string): undefined {
    this.fail(key, reason);
    return undefined;
  }
}
