import { ERRORS, type ErrorBody, type ErrorCode } from '@gridsweep/contract';
import type { ValidationIssue } from '@gridsweep/core';

/** Extra, safe-to-show detail some errors carry. */
export type ErrorDetail = Pick<ErrorBody, 'issues' | 'conflicts' | 'results'>;

/** An expected failure with a code of the contract's catalogue; the error handler turns it into the answer. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly statusCode: number;

  constructor(
    readonly code: ErrorCode,
    readonly detail: ErrorDetail = {},
    message: string = ERRORS[code].message,
  ) {
    super(message);
    this.statusCode = ERRORS[code].status;
  }
}

export function validationFailed(issues: readonly ValidationIssue[]): ApiError {
  return new ApiError('VALIDATION_FAILED', { issues });
}
