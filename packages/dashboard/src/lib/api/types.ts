import type { AreaCounts, AreaEvaluation, AreaGeometry as CoreAreaGeometry } from '@gridsweep/core';
import type {
  Answer,
  getArea,
  getAreaCollection,
  getCurrentAccount,
  getLevels,
  getRoundCampaign,
  getRoundHistory,
  listBuildingCounts,
  listLevelCounts,
  listRounds,
} from '@gridsweep/contract';

// What the dashboard reads from the gridsweep HTTP API is the contract's
// (@gridsweep/contract): each answer's type is its operation's schema, the
// same the server answers with and the client checks answers against. The
// names here are the dashboard's for them, plus the few shapes of its own.

export type AreaCollection = Answer<typeof getAreaCollection>;
export type AreaFeature = AreaCollection['features'][number];
/**
 * Names and places of an area. `ancestry` is the two nearest ancestors,
 * nearest first: names repeat (every community has a 2-2微网格 in its 第2网格),
 * so lists show them beside the name.
 */
export type AreaProperties = AreaFeature['properties'];

/** An area's outline as the server stores it: the core's, which the contract's schema is held to. */
export type AreaGeometry = CoreAreaGeometry;

/** An area named and placed in the tree, without its geometry. */
export type AreaSummary = Pick<Answer<typeof getArea>, 'id' | 'name' | 'level'>;

export type RoundSummary = Answer<typeof listRounds>[number];

/** A round's progress at one moment, as the server sampled it: counts of the round's area only. */
export type ProgressSample = Answer<typeof getRoundHistory>[number];

/** One building of a micro-grid with its households' state in a round (no names, no rooms). */
export type BuildingCounts = Answer<typeof listBuildingCounts>[number];
/** A building's households in a round, counted as the engine counts an area's. */
export type BuildingHouseholds = BuildingCounts['households'];

/** Who a credential belongs to (GET /api/v1/auth/me), and where its view of the territory starts. */
export type Account = Answer<typeof getCurrentAccount>;

/** One area's counts and the server's figures, as GET /api/v1/rounds/:roundId/counts answers them. */
export type LevelCountsRow = Answer<typeof listLevelCounts>[number];

/**
 * The areas of one view without their geometry (names, parents, ancestry for
 * lists and cards), and the address of the vector tiles the map draws them from.
 */
export interface TiledAreaCollection extends AreaCollection {
  /** A tile URL template with {z}, {x} and {y}, absolute. */
  readonly tiles: string;
}

/**
 * What a client needs to draw a round: its measures, legends and words
 * (GET /rounds/:roundId/campaign). The contract holds its template and rules
 * to the core's CampaignTemplate and CountingRules.
 */
export type RoundCampaign = Answer<typeof getRoundCampaign>;

/** The territory's levels, root first, as the server keeps them (GET /levels). */
export type TerritoryLevels = Answer<typeof getLevels>;

/** An area's counts as the dashboard holds them (from the live stream), with figures when it has some. */
export interface AreaCountsRow {
  readonly areaId: string;
  readonly counts: AreaCounts;
  /** The round's rules applied by the server (the counts route); absent on the socket, which carries counts only. */
  readonly figures?: AreaEvaluation;
}

/** The answer to a sign-in: a token, or why not. */
export type LoginResult =
  | { readonly ok: true; readonly token: string; readonly account: Account }
  | { readonly ok: false; readonly reason: 'LOGIN_FAILED' | 'UNREACHABLE' }
  | { readonly ok: false; readonly reason: 'RATE_LIMITED'; readonly retryAfterSeconds: number | null }
  | { readonly ok: false; readonly reason: 'FAILED'; readonly status: number };
