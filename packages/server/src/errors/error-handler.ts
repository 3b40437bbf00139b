import { ERRORS, issuesOf, type ErrorBody, type ErrorCode } from '@gridsweep/contract';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ApiError } from './api-error.js';

/** Fastify's own 4xx codes, each mapped onto a catalogue entry. */
const FRAMEWORK_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'BAD_REQUEST',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'BAD_REQUEST',
  FST_ERR_CTP_INVALID_JSON_BODY: 'BAD_REQUEST',
};

function bodyOf(error: FastifyError | ApiError, request: FastifyRequest): ErrorBody {
  if (error instanceof ApiError) {
    return { code: error.code, message: error.message, requestId: request.id, ...error.detail };
  }
  if (error.validation) {
    // The schema's own words for each field (the contract's reasons for its patterns), named as the core names fields.
    const issues = issuesOf(error.validation, '', error.validationContext ?? '(root)');
    return { code: 'VALIDATION_FAILED', message: ERRORS.VALIDATION_FAILED.message, requestId: request.id, issues };
  }
  // A unique violation (PostgreSQL 23505) is a lost race between two writes of one id; validation catches the rest.
  if (error.code === '23505') return { code: 'ALREADY_EXISTS', message: ERRORS.ALREADY_EXISTS.message, requestId: request.id };
  const mapped = error.code ? FRAMEWORK_CODES[error.code] : undefined;
  if (mapped) return { code: mapped, message: error.message, requestId: request.id };
  if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) {
    return { code: 'BAD_REQUEST', message: ERRORS.BAD_REQUEST.message, requestId: request.id };
  }
  return { code: 'INTERNAL', message: ERRORS.INTERNAL.message, requestId: request.id };
}

function statusOf(body: ErrorBody, error: FastifyError | ApiError): number {
  if (body.code === 'BAD_REQUEST' && error.statusCode !== undefined && error.statusCode < 500) return error.statusCode;
  return ERRORS[body.code].status;
}

/**
 * The one place errors become answers. Expected failures go out with their
 * code and detail; anything else is logged in full with the request id and
 * answered with a bare INTERNAL, so a 5xx never shows the server's internals.
 */
export function installErrorHandling(fastify: FastifyInstance): void {
  fastify.setErrorHandler((error: FastifyError | ApiError, request: FastifyRequest, reply: FastifyReply) => {
    const body = bodyOf(error, request);
    const status = statusOf(body, error);
    if (status >= 500) request.log.error({ err: error }, 'request failed');
    else request.log.info({ code: body.code, status }, 'request refused');
    return reply.code(status).type('application/json; charset=utf-8').send(body);
  });
}
