import type { FastifyInstance } from 'fastify';
import type { Principal } from '../../access/principal.js';
import { ApiError } from '../../errors/error-catalogue.js';
import { areaTileRoute } from './area-tile-route.js';
import { boundsOf } from './bounds.js';
import { buildingHouseholds } from './building-households.js';
import { buildingHouseholdsSchema } from './building-schemas.js';
import {
  areaBuildingsSchema,
  areasGeojsonSchema,
  createAreaSchema,
  createBuildingSchema,
  createHouseholdSchema,
  createMemberSchema,
  getAreaSchema,
  listAreasSchema,
} from './territory-schemas.js';

interface AreaQuery {
  level?: string;
  parentId?: string;
  within?: string;
}

export async function territoryRoutes(fastify: FastifyInstance): Promise<void> {
  const { territoryRepository: areas, eventLog, roster } = fastify;
  const { policy } = fastify.access;

  async function requireArea(areaId: string): Promise<void> {
    if (roster.territory.areaLevel(areaId) === undefined) throw new ApiError('AREA_NOT_FOUND');
  }

  const read = { permission: 'territory.read' } as const;
  const write = { permission: 'territory.write' } as const;

  /** The areas a listing asked for, cut down to the caller's scope. */
  async function visibleAreas(principal: Principal, query: AreaQuery) {
    if (query.within === undefined && query.parentId === undefined && query.level === undefined && principal.scope.kind !== 'everything') {
      const roots = new Set(policy.roots(principal).map((area) => area.id));
      return (await Promise.all([...roots].map((id) => areas.area(id)))).filter((area) => area !== undefined);
    }
    return policy.visibleAreas(principal, await selectAreas(query));
  }

  async function selectAreas(query: AreaQuery) {
    if (query.within !== undefined) {
      await requireArea(query.within);
      if (query.level === undefined) {
        throw new ApiError('VALIDATION_FAILED', { issues: [{ field: 'level', reason: 'is required with within' }] });
      }
      return areas.areasWithin(query.within, query.level);
    }
    if (query.parentId !== undefined) return areas.areas({ parentId: query.parentId, ...(query.level ? { level: query.level } : {}) });
    if (query.level !== undefined) return areas.areas({ level: query.level });
    return areas.areas({ parentId: null });
  }

  fastify.get<{ Querystring: AreaQuery }>('/areas', { schema: listAreasSchema, config: { access: read } }, async (request) => visibleAreas(request.principal!, request.query));

  fastify.get<{ Querystring: { level: string; within?: string; geometry?: 'full' | 'none' } }>(
    '/areas.geojson',
    { schema: areasGeojsonSchema, config: { access: read } },
    async (request) => {
      const { geometry = 'full', ...query } = request.query;
      const list = await visibleAreas(request.principal!, query);
      const bbox = boundsOf(list.map((area) => area.geometry));
      return {
        type: 'FeatureCollection' as const,
        ...(bbox ? { bbox } : {}),
        features: list.map((area) => ({
          type: 'Feature' as const,
          id: area.id,
          geometry: geometry === 'full' ? (area.geometry ?? null) : null,
          properties: {
            id: area.id,
            parentId: area.parentId,
            ancestry: roster.territory.ancestors(area.id).slice(0, 2).map(({ id, name }) => ({ id, name })),
            level: area.level,
            name: area.name,
          },
        })),
      };
    },
  );

  areaTileRoute(fastify, roster, visibleAreas);

  fastify.get<{ Params: { areaId: string } }>('/areas/:areaId', { schema: getAreaSchema, config: { access: read } }, async (request) => {
    const area = await areas.area(request.params.areaId);
    if (!area) throw new ApiError('AREA_NOT_FOUND');
    return area;
  });

  fastify.get<{ Params: { areaId: string } }>('/areas/:areaId/buildings', { schema: areaBuildingsSchema, config: { access: read } }, async (request) => {
    await requireArea(request.params.areaId);
    return areas.buildingsOf(request.params.areaId);
  });

  fastify.get<{ Params: { buildingId: string }; Querystring: { roundId?: string } }>(
    '/buildings/:buildingId/households',
    { schema: buildingHouseholdsSchema, config: { access: { permission: 'households.read' } } },
    async (request) => {
      const building = await areas.building(request.params.buildingId);
      if (!building) throw new ApiError('BUILDING_NOT_FOUND');
      const { roundId } = request.query;
      const round = roundId === undefined ? undefined : roster.round(roundId);
      if (roundId !== undefined && !round) throw new ApiError('ROUND_NOT_FOUND');
      const sources = { territory: areas, events: eventLog, counting: fastify.counting };
      return { building, households: await buildingHouseholds(sources, building, round && { round, campaign: roster.campaignOf(round) }) };
    },
  );

  fastify.post('/areas', { schema: createAreaSchema, config: { access: write, audit: { action: 'area.create' } } }, async (request, reply) => reply.code(201).send(await roster.addArea(request.body)));
  fastify.post('/buildings', { schema: createBuildingSchema, config: { access: write, audit: { action: 'building.create' } } }, async (request, reply) =>
    reply.code(201).send(await roster.addBuilding(request.body)),
  );
  fastify.post('/households', { schema: createHouseholdSchema, config: { access: write, audit: { action: 'household.create' } } }, async (request, reply) =>
    reply.code(201).send(await roster.addHousehold(request.body)),
  );
  fastify.post('/members', { schema: createMemberSchema, config: { access: write, audit: { action: 'member.create' } } }, async (request, reply) => {
    const member = await roster.addMember(request.body);
    return reply.code(201).send({ id: member.id, householdId: member.householdId });
  });
}
