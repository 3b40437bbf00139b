import Fastify, { type FastifyInstance } from 'fastify';
import { app } from './app.js';
import { DEFAULT_STARTUP_TIMEOUT_MS } from './config.js';
import type { AppOptions } from './app-options.js';
import { answerFrameworkError } from './http/bad-url.js';
import { parseQueryString } from './http/query-string.js';
import { redactUrl } from './http/redact-url.js';

/** Request bodies above this are refused with 413: 500 events of generous size fit well inside. */
const BODY_LIMIT_BYTES = 2 * 1024 * 1024;
/** A request (headers and body) must arrive whole within this: a client trickling a body holds no socket for long. */
const REQUEST_TIMEOUT_MS = 30_000;

/**
 * Creates the Fastify instance with the application registered, not yet
 * listening. Logs carry the request id and never a body or a header, so no
 * name or phone number reaches them. `logStream` replaces stdout (tests read the lines).
 */
export async function buildServer(options: AppOptions, logStream?: { write(line: string): void }): Promise<FastifyInstance> {
  const fastify = Fastify({
    logger: {
      level: options.config.logLevel,
      redact: ['req.headers.authorization', 'req.headers.cookie'],
      // The wall's address carries its credential (/wall?token=...); logs get every credential-bearing
      // parameter redacted, however its name was encoded (%74oken=, access_token=, ...).
      serializers: {
        req: (request: { method: string; url: string; ip?: string }) => ({
          method: request.method,
          url: redactUrl(request.url),
          remoteAddress: request.ip,
        }),
      },
      ...(logStream ? { stream: logStream } : {}),
    },
    bodyLimit: BODY_LIMIT_BYTES,
    requestTimeout: REQUEST_TIMEOUT_MS,
    // Behind a TLS proxy the client's address comes from X-Forwarded-For, from the proxies named only.
    trustProxy: typeof options.config.trustProxy === 'object' ? [...options.config.trustProxy] : (options.config.trustProxy ?? false),
    // Closed schemas must refuse unknown fields, not silently drop them (Fastify's default). Scalars in the
    // query and path are coerced (z=3 is a number), but a value is never wrapped into a list: a batch that is
    // not a list is refused as the socket refuses it, not taken for a list of one.
    ajv: { customOptions: { removeAdditional: false, coerceTypes: true, allErrors: false } },
    // Start-up reads the whole city into memory inside the application plugin: a large city needs longer
    // than the default (STARTUP_TIMEOUT_MS; 0 is no limit, which Fastify's pluginTimeout 0 means too).
    pluginTimeout: options.config.startupTimeoutMs ?? DEFAULT_STARTUP_TIMEOUT_MS,
    // A parameter that encodes a lone surrogate is refused naming it, in the catalogue's shape, never taken as U+FFFD.
    routerOptions: { querystringParser: parseQueryString },
    frameworkErrors: answerFrameworkError,
    requestIdHeader: 'x-request-id',
    genReqId: () => crypto.randomUUID(),
  });
  await fastify.register(app(options));
  return fastify;
}
