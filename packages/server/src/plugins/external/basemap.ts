import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError } from '../../config.js';

/** Where the dashboard finds the basemap: a path outside /api, since a basemap is map data, not the city's. */
export const BASEMAP_PREFIX = '/basemap/';
export const BASEMAP_STYLE = 'style.json';

/**
 * Serves BASEMAP_DIR at /basemap/, byte ranges included (a PMTiles archive is
 * read a range at a time), after checking that it holds a MapLibre style.
 * Without one, the style answers 204 and the map keeps its plain background:
 * a 404 would be a console error on every page that asks.
 */
export async function serveBasemap(fastify: FastifyInstance, basemapDir: string | null | undefined): Promise<void> {
  if (!basemapDir) {
    fastify.get(`${BASEMAP_PREFIX}${BASEMAP_STYLE}`, { schema: { hide: true } }, async (_request, reply) => reply.code(204).send());
    return;
  }
  checkStyle(basemapDir);
  await fastify.register(fastifyStatic, { root: basemapDir, prefix: BASEMAP_PREFIX, decorateReply: false, acceptRanges: true, index: false, dotfiles: 'deny' });
}

/** Fails the start, naming BASEMAP_DIR, when the folder holds no usable style: better than a map that silently shows none. */
function checkStyle(basemapDir: string): void {
  const fail = (reason: string): never => {
    throw new ConfigError(`BASEMAP_DIR must be a folder holding a MapLibre style as ${BASEMAP_STYLE}: ${reason} (${basemapDir})`);
  };
  let isFolder = false;
  try {
    isFolder = statSync(basemapDir).isDirectory();
  } catch {
    fail('there is no such folder');
  }
  if (!isFolder) fail('it is not a folder');
  let text: string;
  try {
    text = readFileSync(join(basemapDir, BASEMAP_STYLE), 'utf8');
  } catch {
    return fail(`it has no ${BASEMAP_STYLE}`);
  }
  let style: unknown;
  try {
    style = JSON.parse(text);
  } catch (error) {
    fail(`${BASEMAP_STYLE} is not JSON (${(error as Error).message})`);
  }
  const { version, sources, layers } = (style ?? {}) as { version?: unknown; sources?: unknown; layers?: unknown };
  if (version !== 8) fail(`${BASEMAP_STYLE} must have "version": 8`);
  if (typeof sources !== 'object' || sources === null || Array.isArray(sources)) fail(`${BASEMAP_STYLE} must have a "sources" object`);
  if (!Array.isArray(layers)) fail(`${BASEMAP_STYLE} must have a "layers" list`);
}
