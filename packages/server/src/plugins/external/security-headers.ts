import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Files of the dashboard's build whose inline scripts may run: its pages. */
function htmlFiles(folder: string): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => join(entry.parentPath, entry.name));
}

/**
 * The hashes of the inline scripts of the dashboard's pages (SvelteKit's
 * start-up script), as CSP sources: exactly those may run, and no other
 * inline script, so a name that smuggled markup into a page still runs nothing.
 */
export function inlineScriptHashes(dashboardDir: string): string[] {
  const hashes = new Set<string>();
  for (const file of htmlFiles(dashboardDir)) {
    for (const match of readFileSync(file, 'utf8').matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)) {
      hashes.add(`'sha256-${createHash('sha256').update(match[1] ?? '').digest('base64')}'`);
    }
  }
  return [...hashes].sort();
}

/**
 * Security headers on every answer, pages and API alike, from @fastify/helmet:
 * a policy that runs only the app's own scripts and workers and loads tiles
 * only from this server, no framing, no MIME sniffing, and no Referer — the
 * wall's first address carries its credential (/wall?token=...). HSTS is left
 * to the TLS proxy in front (see the README): over plain HTTP on a LAN it
 * would only stop the next visit.
 */
export async function securityHeaders(fastify: FastifyInstance, dashboardDir: string): Promise<void> {
  await fastify.register(helmet, {
    global: true,
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", ...inlineScriptHashes(dashboardDir)],
        workerSrc: ["'self'"],
        // socket.io and the API are this server; 'self' covers ws: to it as well.
        connectSrc: ["'self'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        styleSrc: ["'self'", "'unsafe-inline'"],
        fontSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    hsts: false,
  });
}
