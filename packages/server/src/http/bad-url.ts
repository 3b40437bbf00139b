import { ERRORS, OPERATIONS, SAFE_TEXT_REASON, isSafeText, type ErrorBody } from '@gridsweep/contract';
import type { ValidationIssue } from '@gridsweep/core';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { decodeComponent } from './percent-decoding.js';

const TEMPLATES = Object.values(OPERATIONS).map((op) => ({ method: op.method, segments: op.path.split('/') }));

function decodes(segment: string): boolean {
  try {
    decodeURIComponent(segment);
    return true;
  } catch {
    return false;
  }
}

/**
 * Which path parameter of which operation a path that does not decode names:
 * the router cannot tell (it refuses the path before matching), so the path
 * is matched against the contract's paths here, segment by segment.
 */
export function badPathIssue(method: string, url: string): ValidationIssue | null {
  const segments = (url.split('?')[0] ?? '').split('/');
  const bad = segments.findIndex((segment) => !decodes(segment));
  if (bad < 0) return null;
  const template = TEMPLATES.find(
    (t) =>
      t.method === method &&
      t.segments.length === segments.length &&
      t.segments[bad]?.startsWith(':') &&
      t.segments.every((part, i) => i === bad || part.startsWith(':') || part === segments[i]),
  );
  const name = template?.segments[bad]?.slice(1);
  if (name === undefined) return null;
  const text = decodeComponent(segments[bad]!);
  return { field: name, reason: isSafeText(text) ? 'is not percent-encoded UTF-8' : SAFE_TEXT_REASON };
}

/**
 * Answers the router's own refusals (a path that does not decode) in the
 * catalogue's shape, naming the path parameter where the path is one of the
 * contract's; Fastify's default answer would be a shape of its own.
 */
export function answerFrameworkError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const issue = error.code === 'FST_ERR_BAD_URL' ? badPathIssue(request.method, request.url) : null;
  const body: ErrorBody = issue
    ? { code: 'VALIDATION_FAILED', message: ERRORS.VALIDATION_FAILED.message, requestId: request.id, issues: [issue] }
    : { code: 'BAD_REQUEST', message: ERRORS.BAD_REQUEST.message, requestId: request.id };
  request.log.info({ code: body.code, status: 400 }, 'request refused');
  void reply.code(400).type('application/json; charset=utf-8').send(body);
}
