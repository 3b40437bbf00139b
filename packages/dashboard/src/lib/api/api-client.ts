import { isRole, validateLevels, validateRules, validateTemplate, type ValidationIssue } from '@gridsweep/core';
import { credential as tabCredential, type Credential } from '../auth/credential.svelte.js';
import type {
  Account,
  AreaCollection,
  AreaCountsRow,
  AreaGeometry,
  AreaSummary,
  BuildingCounts,
  LoginResult,
  ProgressSample,
  RoundCampaign,
  RoundSummary,
  TerritoryLevels,
  TiledAreaCollection,
} from './types.js';

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

/** What the client needs of the tab's credential: the token to send, and where to say the server refused it. */
export type CredentialHolder = Pick<Credential, 'token' | 'reject'>;

/**
 * The dashboard's only door to the server's HTTP API. Every call carries the
 * tab's bearer token; an UNAUTHENTICATED answer is reported to the credential,
 * which the pages watch.
 */
export class ApiClient {
  constructor(
    private readonly baseUrl = '',
    private readonly fetchImpl: typeof fetch = (input, init) => fetch(input, init),
    private readonly credential: CredentialHolder = tabCredential,
  ) {}

  /** Signs in; a wrong password or too many attempts are answers, not errors. */
  async login(username: string, password: string): Promise<LoginResult> {
    const url = this.url('/api/v1/auth/login');
    let response: Response;
    try {
      response = await this.fetchImpl(url, {
        method: 'POST',
        headers: { accept: 'application/json', 'content-type': 'application/json' },
        body: JSON.stringify({ username, password }),
      });
    } catch {
      return { ok: false, reason: 'UNREACHABLE' };
    }
    if (response.status === 401) return { ok: false, reason: 'LOGIN_FAILED' };
    if (response.status === 429) {
      const wait = Number(response.headers.get('retry-after'));
      return { ok: false, reason: 'RATE_LIMITED', retryAfterSeconds: Number.isFinite(wait) && wait > 0 ? Math.ceil(wait) : null };
    }
    const body: unknown = response.ok ? await response.json().catch(() => null) : null;
    if (!isRecord(body) || typeof body.token !== 'string' || !isAccount(body.user)) return { ok: false, reason: 'FAILED', status: response.status };
    return { ok: true, token: body.token, account: body.user };
  }

  /** Ends a session on the server (the tab's, unless another token is given); its sockets close too. */
  async logout(token: string | null = this.credential.token): Promise<void> {
    const url = this.url('/api/v1/auth/logout');
    try {
      await this.fetchImpl(url, { method: 'POST', headers: this.headers(token) });
    } catch {
      // Signing out of a server that cannot be reached still forgets the token here; the session expires there.
    }
  }

  /** Who the tab's credential belongs to, and where its view of the territory starts. */
  async me(signal?: AbortSignal): Promise<Account> {
    const url = this.url('/api/v1/auth/me');
    const body = await this.getJson(url, signal);
    if (!isAccount(body)) throw new ApiError(url, 200, 'expected an account');
    return body;
  }

  /** One area, without its children. */
  async area(areaId: string, signal?: AbortSignal): Promise<AreaSummary> {
    const url = this.url(`/api/v1/areas/${encodeURIComponent(areaId)}`);
    const body = await this.getJson(url, signal);
    if (!isRecord(body) || typeof body.id !== 'string' || typeof body.name !== 'string' || typeof body.level !== 'string') {
      throw new ApiError(url, 200, 'expected an area');
    }
    return { id: body.id, name: body.name, level: body.level };
  }

  /**
   * A view's areas without their geometry (names, parents, ancestry and where
   * they lie), and the address of the vector tiles the map draws them from:
   * the outlines of a city's micro-grids would be megabytes of JSON.
   */
  async areas(query: AreaQuery, signal?: AbortSignal): Promise<TiledAreaCollection> {
    const url = this.url('/api/v1/areas.geojson', query, { geometry: 'none' });
    const body = await this.getJson(url, signal);
    if (!isRecord(body) || body.type !== 'FeatureCollection' || !Array.isArray(body.features)) {
      throw new ApiError(url, 200, 'expected a GeoJSON FeatureCollection');
    }
    return { ...(body as unknown as AreaCollection), tiles: this.tilesUrl(query) };
  }

  /** One area's whole outline, or null when it has none. */
  async areaOutline(areaId: string, signal?: AbortSignal): Promise<AreaGeometry | null> {
    const url = this.url(`/api/v1/areas/${encodeURIComponent(areaId)}`);
    const body = await this.getJson(url, signal);
    const geometry = isRecord(body) ? body.geometry : null;
    return isRecord(geometry) && (geometry.type === 'Polygon' || geometry.type === 'MultiPolygon') ? (geometry as unknown as AreaGeometry) : null;
  }

  /**
   * The address of a view's vector tiles as MapLibre wants it: absolute (its
   * worker resolves nothing against the page), with {z}/{x}/{y} left as they are.
   */
  tilesUrl(query: AreaQuery): string {
    const url = this.url('/api/v1/area-tiles/{z}/{x}/{y}', query);
    // Not new URL(): it would escape the braces MapLibre fills in.
    return /^[a-z]+:\/\//i.test(url) || !globalThis.location ? url : `${globalThis.location.origin}${url}`;
  }

  /** The credential as request headers, for requests made by others too (MapLibre's tile requests). */
  authorization(token = this.credential.token): Record<string, string> {
    return token ? { authorization: `Bearer ${token}` } : {};
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

  /**
   * What the round is counted by: its template (measures, words, legends) and
   * its rules (colour bands, goal). Checked with the core's own validators, as
   * the server checked them when they were stored.
   */
  async campaign(roundId: string, signal?: AbortSignal): Promise<RoundCampaign> {
    const url = this.url(`/api/v1/rounds/${encodeURIComponent(roundId)}/campaign`);
    const body = await this.getJson(url, signal);
    if (!isRecord(body) || !isRound(body.round)) throw new ApiError(url, 200, 'expected { round, template, rules }');
    const template = validateTemplate(body.template);
    if (!template.ok) throw new ApiError(url, 200, `template: ${issuesText(template.issues)}`);
    const rules = validateRules(body.rules, template.value);
    if (!rules.ok) throw new ApiError(url, 200, `rules: ${issuesText(rules.issues)}`);
    return { round: body.round as RoundCampaign['round'], template: template.value, rules: rules.value };
  }

  /** The territory's levels, root first: what the level picker lists and the map's deepest level. */
  async levels(signal?: AbortSignal): Promise<TerritoryLevels> {
    const url = this.url('/api/v1/levels');
    const body = await this.getJson(url, signal);
    const levels = validateLevels(isRecord(body) ? body.levels : undefined);
    if (!isRecord(body) || typeof body.version !== 'number' || !levels.ok) {
      throw new ApiError(url, 200, `expected { version, levels }${levels.ok ? '' : `: ${issuesText(levels.issues)}`}`);
    }
    return { version: body.version, levels: levels.value };
  }

  private url(path: string, query?: AreaQuery, extra: Record<string, string> = {}): string {
    const params = new URLSearchParams();
    if (query) {
      params.set('level', query.level);
      if (query.within) params.set('within', query.within);
    }
    for (const [name, value] of Object.entries(extra)) params.set(name, value);
    const search = params.size > 0 ? `?${params.toString()}` : '';
    return `${this.baseUrl}${path}${search}`;
  }

  private headers(token = this.credential.token): Record<string, string> {
    return { accept: 'application/json', ...this.authorization(token) };
  }

  private async getJson(url: string, signal?: AbortSignal): Promise<unknown> {
    let response: Response;
    try {
      response = await this.fetchImpl(url, { signal, headers: this.headers() });
    } catch (error) {
      if (signal?.aborted) throw error;
      throw new ApiError(url, null, `server unreachable (${error instanceof Error ? error.message : String(error)})`);
    }
    if (response.status === 401) this.credential.reject();
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

function issuesText(issues: readonly ValidationIssue[]): string {
  return issues.map((issue) => `${issue.field} ${issue.reason}`).join('; ');
}

function isAccount(value: unknown): value is Account {
  return (
    isRecord(value) &&
    typeof value.id === 'string' &&
    typeof value.username === 'string' &&
    isRole(value.role) &&
    isRecord(value.scope) &&
    Array.isArray(value.rootAreaIds) &&
    value.rootAreaIds.every((id) => typeof id === 'string')
  );
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
