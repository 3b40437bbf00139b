import type { AreaCollection, AreaCountsRow, BuildingCounts, ProgressSample, RoundSummary } from './types.js';

/** A failed API call, naming what was asked for and what came back. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly url: string,
    readonly status: number | null,
    message: string,
  ) {
    super(`${url}: ${message}`);
  }
}

export interface AreaQuery {
  readonly level: string;
  /** Limit to the subtree of this area; the whole territory when absent. */
  readonly within?: string | null;
}

/** The dashboard's only door to the server's HTTP API. */
export class ApiClient {
  constructor(
    private readonly baseUrl = '',
    private readonly fetchImpl: typeof fetch = (input, init) => fetch(input, init),
  ) {}

  async areas(query: AreaQuery, signal?: AbortSignal): Promise<AreaCollection> {
    const url = this.url('/api/v1/areas.geojson', query);
    const body = await this.getJson(url, signal);
    if (!isRecord(body) || body.type !== 'FeatureCollection' || !Array.isArray(body.features)) {
      throw new ApiError(url, 200, 'expected a GeoJSON FeatureCollection');
    }
    return body as unknown as AreaCollection;
  }

  async rounds(signal?: AbortSignal): Promise<RoundSummary[]> {
    const url = this.url('/api/v1/rounds');
    const body = await this.getJson(url, signal);
    // Accept a bare list or a { rounds } envelope, whichever the server settles on.
    const list = Array.isArray(body) ? body : isRecord(body) && Array.isArray(body.rounds) ? body.rounds : null;
    if (!list) throw new ApiError(url, 200, 'expected a list of rounds');
    return list.filter(isRound);
  }

  async counts(roundId: string, query: AreaQuery, signal?: AbortSignal): Promise<AreaCountsRow[]> {
    const url = this.url(`/api/v1/rounds/${encodeURIComponent(roundId)}/counts`, query);
    const body = await this.getJson(url, signal);
    const list = Array.isArray(body) ? body : isRecord(body) && Array.isArray(body.areas) ? body.areas : null;
    if (!list) throw new ApiError(url, 200, 'expected a list of area counts');
    return list.filter(isCountsRow);
  }

  /** A micro-grid's buildings with their households counted for the round. */
  async buildings(roundId: string, microgridId: string, signal?: AbortSignal): Promise<BuildingCounts[]> {
    const url = this.url(`/api/v1/rounds/${encodeURIComponent(roundId)}/areas/${encodeURIComponent(microgridId)}/buildings`);
    const body = await this.getJson(url, signal);
    if (!Array.isArray(body)) throw new ApiError(url, 200, 'expected a list of buildings');
    return body.filter(isBuildingCounts);
  }

  /** How the round went so far: its area's counts as the server sampled them, oldest first. */
  async history(roundId: string, signal?: AbortSignal): Promise<ProgressSample[]> {
    const url = this.url(`/api/v1/rounds/${encodeURIComponent(roundId)}/history`);
    const body = await this.getJson(url, signal);
    if (!Array.isArray(body)) throw new ApiError(url, 200, 'expected a list of samples');
    return body.filter(isProgressSample);
  }

  private url(path: string, query?: AreaQuery): string {
    const params = new URLSearchParams();
    if (query) {
      params.set('level', query.level);
      if (query.within) params.set('within', query.within);
    }
    const search = params.size > 0 ? `?${params.toString()}` : '';
    return `${this.baseUrl}${path}${search}`;
  }

  private async getJson(url: string, signal?: AbortSignal): Promise<unknown> {
    let response: Response;
    try {
      response = await this.fetchImpl(url, { signal, headers: { accept: 'application/json' } });
    } catch (error) {
      if (signal?.aborted) throw error;
      throw new ApiError(url, null, `server unreachable (${error instanceof Error ? error.message : String(error)})`);
    }
    if (!response.ok) throw new ApiError(url, response.status, `HTTP ${response.status}`);
    try {
      return await response.json();
    } catch {
      throw new ApiError(url, response.status, 'answer is not JSON');
    }
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isRound(value: unknown): value is RoundSummary {
  return isRecord(value) && typeof value.id === 'string' && typeof value.name === 'string';
}

function isCountsRow(value: unknown): value is AreaCountsRow {
  return isRecord(value) && typeof value.areaId === 'string' && isRecord(value.counts);
}

function isBuildingCounts(value: unknown): value is BuildingCounts {
  return isRecord(value) && typeof value.id === 'string' && typeof value.name === 'string' && isRecord(value.households);
}

function isProgressSample(value: unknown): value is ProgressSample {
  return (
    isRecord(value) &&
    typeof value.at === 'number' &&
    isRecord(value.households) &&
    typeof value.households.visited === 'number' &&
    typeof value.households.toVisit === 'number'
  );
}
