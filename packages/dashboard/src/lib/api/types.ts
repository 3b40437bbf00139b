import type { AccessScope, AreaCounts, AreaEvaluation, CampaignTemplate, CountingRules, HouseholdCounts, Levels, Role, Round } from '@gridsweep/core';

// The shapes the dashboard reads from the gridsweep HTTP API. They are kept
// here, beside the one module that fetches them, so that a change of the
// server's answers is a change of two files.

export interface AreaProperties {
  readonly id: string;
  readonly parentId: string | null;
  /**
   * The two nearest ancestors, nearest first. Names repeat (every community has
   * a 2-2微网格 in its 第2网格), so lists show them beside the name.
   */
  readonly ancestry: readonly { readonly id: string; readonly name: string }[];
  readonly level: string;
  readonly name: string;
}

export interface AreaFeature {
  readonly type: 'Feature';
  readonly id?: string | number;
  readonly geometry: { readonly type: string; readonly coordinates: unknown } | null;
  readonly properties: AreaProperties;
}

export interface AreaCollection {
  readonly type: 'FeatureCollection';
  readonly features: readonly AreaFeature[];
  /** [west, south, east, north] of the areas' geometry; absent when none has one. */
  readonly bbox?: readonly [number, number, number, number];
}

/** An area's outline as the server stores it (core's AreaGeometry, with its coordinates left to the map). */
export interface AreaGeometry {
  readonly type: 'Polygon' | 'MultiPolygon';
  readonly coordinates: unknown;
}

/**
 * The areas of one view without their geometry (names, parents, ancestry for
 * lists and cards), and the address of the vector tiles the map draws them from.
 */
export interface TiledAreaCollection extends AreaCollection {
  /** A tile URL template with {z}, {x} and {y}, absolute. */
  readonly tiles: string;
}

export interface RoundSummary {
  readonly id: string;
  readonly name: string;
  readonly areaId: string;
  readonly startsAt: number;
}

/** A round's progress at one moment, as the server sampled it: counts of the round's area only. */
export interface ProgressSample {
  readonly at: number;
  readonly households: { readonly visited: number; readonly toVisit: number };
  readonly members: { readonly done: number; readonly eligible: number };
}

/** What a client needs to draw a round: its measures, legends and words (GET /rounds/:roundId/campaign). */
export interface RoundCampaign {
  readonly round: Round;
  readonly template: CampaignTemplate;
  readonly rules: CountingRules;
}

/** The territory's levels, root first, as the server keeps them (GET /levels). */
export interface TerritoryLevels {
  readonly version: number;
  readonly levels: Levels;
}

export interface AreaCountsRow {
  readonly areaId: string;
  readonly counts: AreaCounts;
  /** The round's rules applied by the server (the counts route); absent on the socket, which carries counts only. */
  readonly figures?: AreaEvaluation;
}

/** A building's households in a round, counted as the engine counts an area's (no names, no rooms). */
export type BuildingHouseholds = HouseholdCounts;

/** One building of a micro-grid with its households' state in a round. */
export interface BuildingCounts {
  readonly id: string;
  readonly name: string;
  readonly units: number;
  readonly floors: number;
  readonly location: { readonly type: 'Point'; readonly coordinates: readonly [number, number] } | null;
  readonly households: BuildingHouseholds;
}

/** Who a credential belongs to (GET /api/v1/auth/me). */
export interface Account {
  readonly id: string;
  readonly username: string;
  readonly role: Role;
  readonly scope: AccessScope;
  /** Where a view of everything the account may see starts. */
  readonly rootAreaIds: readonly string[];
}

/** An area named and placed in the tree, without its geometry. */
export interface AreaSummary {
  readonly id: string;
  readonly name: string;
  readonly level: string;
}

/** The answer to a sign-in: a token, or why not. */
export type LoginResult =
  | { readonly ok: true; readonly token: string; readonly account: Account }
  | { readonly ok: false; readonly reason: 'LOGIN_FAILED' | 'UNREACHABLE' }
  | { readonly ok: false; readonly reason: 'RATE_LIMITED'; readonly retryAfterSeconds: number | null }
  | { readonly ok: false; readonly reason: 'FAILED'; readonly status: number };
