import type { ErrorCode } from '@gridsweep/contract';
import {
  roleAllows,
  scopeCoversArea,
  scopeCoversBuilding,
  scopeCoversHousehold,
  scopeReachesArea,
  scopeRoots,
  type Area,
  type Permission,
  type Round,
  type TerritoryLookup,
} from '@gridsweep/core';
import { ApiError } from '../errors/api-error.js';
import type { Roster } from '../roster.js';
import type { EventView } from '../ingest/event-ingest.js';
import type { Principal } from './principal.js';
import { referencesOf, scopedLookup, type ScopeCover } from './scoped-lookup.js';

/** The reason given for an event of an archived round; the events route answers 409 ROUND_ARCHIVED when it refused them all so. */
export const ROUND_IS_ARCHIVED = 'names an archived round, which takes no events';

/** What a route asks of its caller, declared on the route (`config.access`). */
export type RouteAccess = 'public' | 'signed-in' | { readonly permission: Permission };

/** Where an id sits in a request decides how it is checked. */
type Place = 'params' | 'query' | 'body';

/**
 * Territory ids a request may name, by field name, wherever a route puts
 * them. A read of one object out of scope answers as if it did not exist; a
 * write that names one is refused as out of scope.
 */
const SCOPED_FIELDS = ['areaId', 'parentId', 'within', 'buildingId', 'householdId', 'memberId', 'roundId'] as const;
type ScopedField = (typeof SCOPED_FIELDS)[number];

const NOT_FOUND: Record<ScopedField, ErrorCode> = {
  areaId: 'AREA_NOT_FOUND',
  parentId: 'AREA_NOT_FOUND',
  within: 'AREA_NOT_FOUND',
  buildingId: 'BUILDING_NOT_FOUND',
  householdId: 'HOUSEHOLD_NOT_FOUND',
  memberId: 'MEMBER_NOT_FOUND',
  roundId: 'ROUND_NOT_FOUND',
};

/**
 * The one place that decides whether a caller may touch something: routes
 * (through the hook in plugins/app/access.ts), socket subscriptions and
 * event submissions all ask here.
 */
export class AccessPolicy {
  constructor(private readonly roster: Roster) {}

  /**
   * Throws the answer (404, or 403 OUT_OF_SCOPE for a write) unless every
   * territory id the request names lies in the principal's scope. Who the
   * principal is and what their role allows were settled before the body was read.
   */
  checkScope(principal: Principal, request: Partial<Record<Place, unknown>>, options: { bodyValidated?: boolean } = {}): void {
    for (const place of ['params', 'query', 'body'] as const) {
      const fields = request[place];
      if (typeof fields !== 'object' || fields === null || Array.isArray(fields)) continue;
      for (const field of SCOPED_FIELDS) {
        const id = (fields as Record<string, unknown>)[field];
        if (place === 'body' && field === 'parentId' && id === null && principal.scope.kind !== 'everything') {
          throw new ApiError('OUT_OF_SCOPE', {}, 'Only an account for the whole territory may add a top-level area.');
        }
        if (typeof id !== 'string') continue;
        if (!this.exists(field, id)) {
          // A path names the one thing asked for: it is not found before anything else is looked at, as one out of scope is.
          if (place === 'params') throw new ApiError(NOT_FOUND[field]);
          continue;
        }
        if (this.allows(principal, field, id, place)) continue;
        if (place === 'body' && options.bodyValidated) continue;
        throw place === 'body' ? new ApiError('OUT_OF_SCOPE') : new ApiError(NOT_FOUND[field]);
      }
    }
  }

  can(principal: Principal, permission: Permission): boolean {
    return roleAllows(principal.role, permission);
  }

  coversArea(principal: Principal, areaId: string): boolean {
    return scopeCoversArea(principal.scope, this.roster.territory, areaId);
  }

  /** Where "everything I may see" starts for this principal. */
  roots(principal: Principal): Area[] {
    return scopeRoots(principal.scope, this.roster.territory);
  }

  /** Filters a listing down to the areas in scope: a query without filters returns only what is in scope. */
  visibleAreas<T extends { readonly id: string }>(principal: Principal, areas: readonly T[]): T[] {
    if (principal.scope.kind === 'everything') return [...areas];
    return areas.filter((area) => this.coversArea(principal, area.id));
  }

  /** An archived round is seen by administrators only: for everyone else, the wall included, it is as if it did not exist. */
  roundVisible(principal: Principal, round: Round): boolean {
    if (principal.role !== 'admin' && this.roster.archive.isRoundArchived(round.id)) return false;
    return scopeReachesArea(principal.scope, this.roster.territory, round.areaId);
  }

  visibleRounds(principal: Principal, rounds: readonly Round[]): Round[] {
    return rounds.filter((round) => this.roundVisible(principal, round));
  }

  /** A live subscription to a subtree's counts. */
  maySubscribe(principal: Principal, roundId: string, areaId: string): boolean {
    const round = this.roster.round(roundId);
    return this.can(principal, 'counts.read') && round !== undefined && this.roundVisible(principal, round) && this.coversArea(principal, areaId);
  }

  /**
   * The territory as this caller's create body is validated against: a place
   * it refers to outside the caller's scope is one that does not exist.
   */
  lookupFor(principal: Principal, body: unknown): TerritoryLookup {
    return scopedLookup(this.roster.territory, this.coverOf(principal), referencesOf(body));
  }

  /**
   * How a principal's sweep events are checked: against the households and
   * rounds in their scope only, so an event about a household outside it is
   * answered word for word as one about a household that does not exist; and
   * a worker only under their own id.
   */
  eventView(principal: Principal, inputs: readonly unknown[]): EventView {
    const householdIds = new Set(inputs.map((input) => (input as { householdId?: unknown } | null)?.householdId).filter((id): id is string => typeof id === 'string'));
    return {
      territory: scopedLookup(this.roster.territory, this.coverOf(principal), { areaIds: new Set(), buildingIds: new Set(), householdIds }),
      // An archived round in the caller's reach is still named, so that a phone's queued events
      // for it are refused as ROUND_ARCHIVED (below), which the worker can act on, not as unknown.
      roundVisible: (roundId) => {
        const round = this.roster.round(roundId);
        return round !== undefined && scopeReachesArea(principal.scope, this.roster.territory, round.areaId);
      },
      admit: (event, path) => {
        if (this.roster.archive.isRoundArchived(event.roundId)) return [{ field: `${path}.roundId`, reason: ROUND_IS_ARCHIVED }];
        if (principal.role === 'worker' && event.workerId !== principal.id) return [{ field: `${path}.workerId`, reason: `must be your own user id (${principal.id})` }];
        return [];
      },
    };
  }

  private coverOf(principal: Principal): ScopeCover {
    const { territory } = this.roster;
    return {
      area: (id) => scopeCoversArea(principal.scope, territory, id),
      building: (id) => scopeCoversBuilding(principal.scope, territory, id),
      household: (id) => scopeCoversHousehold(principal.scope, territory, id),
    };
  }

  private exists(field: ScopedField, id: string): boolean {
    const { territory } = this.roster;
    switch (field) {
      case 'buildingId':
        return territory.hasBuilding(id);
      case 'householdId':
        return territory.hasHousehold(id);
      case 'memberId':
        return territory.memberHousehold(id) !== undefined;
      case 'roundId':
        return this.roster.round(id) !== undefined;
      default:
        return territory.area(id) !== undefined;
    }
  }

  private allows(principal: Principal, field: ScopedField, id: string, place: Place): boolean {
    const { territory } = this.roster;
    const { scope } = principal;
    switch (field) {
      case 'buildingId':
        return scopeCoversBuilding(scope, territory, id);
      case 'householdId':
        return scopeCoversHousehold(scope, territory, id);
      case 'memberId':
        return scopeCoversHousehold(scope, territory, territory.memberHousehold(id)!);
      case 'roundId':
        return this.roundVisible(principal, this.roster.round(id)!);
      case 'within':
      case 'parentId':
        // A listing may start above the scope; what it returns is filtered to the scope.
        return place === 'query' ? scopeReachesArea(scope, territory, id) : scopeCoversArea(scope, territory, id);
      default:
        return scopeCoversArea(scope, territory, id);
    }
  }
}
