import { AREA_TILE_TYPE, getAreaTile, type Query } from '@gridsweep/contract';
import type { FastifyInstance } from 'fastify';
import type { Principal } from '../../access/principal.js';
import { AreaTileCache } from '../../area-tiles/area-tile-cache.js';
import type { TiledArea } from '../../area-tiles/area-tile-set.js';
import { ApiError } from '../../errors/api-error.js';
import type { Roster } from '../../roster.js';
import { served, typed } from '../typed.js';

type TileQuery = Query<typeof getAreaTile>;

/** The areas /areas.geojson answers for the same query and caller. */
type VisibleAreas = (principal: Principal, query: TileQuery) => Promise<readonly TiledArea[]>;

/** Whether an If-None-Match header names this ETag (or is `*`). */
function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (ifNoneMatch === undefined) return false;
  return ifNoneMatch.split(',').some((tag) => {
    const trimmed = tag.trim();
    return trimmed === '*' || trimmed.replace(/^W\//, '') === etag;
  });
}

/** The same bytes, not a copy: the set keeps them for the next caller. */
function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/**
 * GET /area-tiles/:z/:x/:y: the vector tiles of one view of the map, cut from
 * a set built once per view. Beside /areas.geojson because it answers the
 * same areas; the dashboard takes outlines from here and names from there.
 */
export function areaTileRoute(fastify: FastifyInstance, roster: Roster, visibleAreas: VisibleAreas): void {
  const { policy } = fastify.access;
  const cache = new AreaTileCache();
  roster.onAreasAdded(() => cache.areaAdded());

  /** Two callers whose scopes start at the same areas see the same areas. */
  function viewOf(principal: Principal, query: TileQuery): string {
    const scope = principal.scope.kind === 'everything' ? 'everything' : policy.roots(principal).map((area) => area.id).sort().join(',');
    return JSON.stringify([query.level, query.within ?? null, scope]);
  }

  typed(fastify).route({
    ...served(getAreaTile),
    config: { access: { permission: 'territory.read' } },
    handler: async (request, reply) => {
      const { z, x, y } = request.params;
      const size = 2 ** z;
      for (const [field, value] of [['x', x], ['y', y]] as const) {
        if (value >= size) throw new ApiError('VALIDATION_FAILED', { issues: [{ field, reason: `must be from 0 to ${size - 1} at zoom ${z}` }] });
      }
      const principal = request.principal!;
      const { tiles, version } = await cache.get(viewOf(principal, request.query), () => visibleAreas(principal, request.query));
      const etag = `"${version}.${z}.${x}.${y}"`;
      void reply.header('cache-control', 'private, no-cache').header('etag', etag);
      if (matches(request.headers['if-none-match'], etag)) return reply.code(304).send(null);
      return reply.type(AREA_TILE_TYPE).send(asBuffer(tiles.tile(z, x, y)));
    },
  });
}
