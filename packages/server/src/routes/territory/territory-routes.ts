import {
  createArea,
  createBuilding,
  createHousehold,
  createMember,
  getArea,
  getAreaCollection,
  listAreaBuildings,
  listAreas,
  listBuildingHouseholds,
  type Query,
} from '@gridsweep/contract';
import type { FastifyInstance } from 'fastify';
import type { Principal } from '../../access/principal.js';
import { ApiError } from '../../errors/api-error.js';
import { served, typed } from '../typed.js';
import { areaTileRoute } from './area-tile-route.js';
import { boundsOf } from './bounds.js';
import { buildingHouseholds } from './building-households.js';

/** What every listing of areas may ask: a level, a parent, a subtree. */
export type AreaQuery = Query<typeof listAreas>;

export async function territoryRoutes(fastify: FastifyInstance): Promise<void> {
  const { territoryRepository: areas, eventLog, roster } = fastify;
  const { policy } = fastify.access;
  const api = typed(fastify);

  async function requireArea(areaId: string): Promise<void> {
    if (roster.territory.areaLevel(areaId) === undefined) throw new ApiError('AREA_NOT_FOUND');
  }

  const read = { permission: 'territory.read' } as const;
  const write = { permission: 'territory.write' } as const;

  /** The areas a listing asked for, cut down to the caller's scope, archived ones left out. */
  async function visibleAreas(principal: Principal, query: AreaQuery) {
    return (await areasInScope(principal, query)).filter((area) => !roster.archive.isAreaArchived(area.id));
  }

  async function areasInScope(principal: Principal, query: AreaQuery) {
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

  api.route({ ...served(listAreas), config: { access: read }, handler: async (request) => visibleAreas(request.principal!, request.query) });

  api.route({
    ...served(getAreaCollection),
    config: { access: read },
    handler: async (request) => {
      const { geometry, ...query } = request.query;
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
            outlined: area.geometry !== undefined && area.geometry !== null,
          },
        })),
      };
    },
  });

  areaTileRoute(fastify, roster, visibleAreas);

  api.route({
    ...served(getArea),
    config: { access: read },
    handler: async (request) => {
      const area = await areas.area(request.params.areaId);
      if (!area) throw new ApiError('AREA_NOT_FOUND');
      return area;
    },
  });

  api.route({
    ...served(listAreaBuildings),
    config: { access: read },
    handler: async (request) => {
      await requireArea(request.params.areaId);
      return areas.buildingsOf(request.params.areaId);
    },
  });

  api.route({
    ...served(listBuildingHouseholds),
    config: { access: { permission: 'households.read' } },
    handler: async (request) => {
      const building = await areas.building(request.params.buildingId);
      if (!building) throw new ApiError('BUILDING_NOT_FOUND');
      const { roundId } = request.query;
      const round = roundId === undefined ? undefined : roster.round(roundId);
      if (roundId !== undefined && !round) throw new ApiError('ROUND_NOT_FOUND');
      const sources = { territory: areas, events: eventLog, counting: fastify.counting, workerNames: (ids: readonly string[]) => fastify.access.users.displayNames(ids) };
      return { building, households: await buildingHouseholds(sources, building, round && { round, campaign: roster.campaignOf(round) }) };
    },
  });

  api.route({
    ...served(createArea),
    config: { access: write, audit: { action: 'area.create' }, scopedBody: true },
    handler: async (request, reply) => reply.code(201).send(await roster.addArea(request.body, policy.lookupFor(request.principal!, request.body))),
  });
  api.route({
    ...served(createBuilding),
    config: { access: write, audit: { action: 'building.create' }, scopedBody: true },
    handler: async (request, reply) => reply.code(201).send(await roster.addBuilding(request.body, policy.lookupFor(request.principal!, request.body))),
  });
  api.route({
    ...served(createHousehold),
    config: { access: write, audit: { action: 'household.create' }, scopedBody: true },
    handler: async (request, reply) => reply.code(201).send(await roster.addHousehold(request.body, policy.lookupFor(request.principal!, request.body))),
  });
  api.route({
    ...served(createMember),
    config: { access: write, audit: { action: 'member.create' }, scopedBody: true },
    handler: async (request, reply) => {
      const member = await roster.addMember(request.body, policy.lookupFor(request.principal!, request.body));
      return reply.code(201).send({ id: member.id, householdId: member.householdId });
    },
  });
}
