import {
  exportDailyReport,
  exportLedger,
  getArea,
  getAreaCollection,
  getAreaTile,
  getCurrentAccount,
  getLevels,
  getRoundCampaign,
  getRoundHistory,
  listAreas,
  listBuildingCounts,
  listLevelCounts,
  listRounds,
  login,
  logout,
  pathOf,
  type Answer,
  type Body,
  type ExportFormat,
  type LedgerKind,
  type Operation,
} from '@gridsweep/contract';
import { validateLevels, validateRules, validateTemplate, type ValidationIssue } from '@gridsweep/core';
import { credential as tabCredential, type Credential } from '../auth/credential.svelte.js';
import { answerCheck } from './answer-check.js';
import { downloadName } from './download-name.js';
import type {
  Account,
  AreaGeometry,
  AreaSummary,
  BuildingCounts,
  LevelCountsRow,
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

/** A report or ledger as the server wrote it, with the name it gave the file. */
export interface DownloadedFile {
  readonly blob: Blob;
  readonly fileName: string;
}

/** What to export: the daily report, or one ledger (with names in full only when revealed with a reason). */
export type ExportRequest =
  | { readonly kind: 'report'; readonly roundId: string; readonly areaId: string; readonly format: ExportFormat }
  | ({ readonly kind: LedgerKind; readonly roundId: string; readonly areaId: string } & Body<typeof exportLedger>);

/** What the client needs of the tab's credential: the token to send, and where to say the server refused it. */
export type CredentialHolder = Pick<Credential, 'token' | 'reject'>;

/**
 * The dashboard's only door to the server's HTTP API. Paths, types and the
 * check of every answer come from the operations of @gridsweep/contract, so an
 * answer of another shape is an error naming the field, never a page reading
 * undefined. Every call carries the tab's bearer token; an UNAUTHENTICATED
 * answer is reported to the credential, which the pages watch.
 */
export class ApiClient {
  constructor(
    protected readonly baseUrl = '',
    protected readonly fetchImpl: typeof fetch = (input, init) => fetch(input, init),
    protected readonly credential: CredentialHolder = tabCredential,
  ) {}

  /** Signs in; a wrong password or too many attempts are answers, not errors. */
  async login(username: string, password: string): Promise<LoginResult> {
    const url = this.url(pathOf(login));
    let response: Response;
    try {
      response = await this.fetchImpl(url, {
        method: login.method,
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
    const session = answerCheck(login)(body);
    if (!session.ok) return { ok: false, reason: 'FAILED', status: response.status };
    return { ok: true, token: session.value.token, account: session.value.user };
  }

  /** Ends a session on the server (the tab's, unless another token is given); its sockets close too. */
  async logout(token: string | null = this.credential.token): Promise<void> {
    const url = this.url(pathOf(logout));
    try {
      await this.fetchImpl(url, { method: logout.method, headers: this.headers(token) });
    } catch {
      // Signing out of a server that cannot be reached still forgets the token here; the session expires there.
    }
  }

  /** Who the tab's credential belongs to, and where its view of the territory starts. */
  async me(signal?: AbortSignal): Promise<Account> {
    return this.get(getCurrentAccount, this.url(pathOf(getCurrentAccount)), signal);
  }

  /** One area, without its children. */
  async area(areaId: string, signal?: AbortSignal): Promise<AreaSummary> {
    const { id, name, level } = await this.get(getArea, this.url(pathOf(getArea, { areaId })), signal);
    return { id, name, level };
  }

  /** An area's children, for a picker that walks down the tree. */
  async areaChildren(parentId: string, signal?: AbortSignal): Promise<readonly AreaSummary[]> {
    const children = await this.get(listAreas, this.url(pathOf(listAreas), undefined, { parentId }), signal);
    return children.map(({ id, name, level }) => ({ id, name, level }));
  }

  /**
   * A daily report or a ledger as a file. The download goes through fetch,
   * not a link: the bearer token travels in a header, never in an address
   * that a log or the browser's history would keep. A refusal is an ApiError
   * with the server's message (and the field it names).
   */
  async exportFile(request: ExportRequest, signal?: AbortSignal): Promise<DownloadedFile> {
    const { roundId, areaId } = request;
    let url: string;
    let init: RequestInit;
    if (request.kind === 'report') {
      url = this.url(pathOf(exportDailyReport, { roundId, areaId }), undefined, { format: request.format });
      init = { method: exportDailyReport.method, headers: this.authorization() };
    } else {
      const body: Body<typeof exportLedger> = { format: request.format, reveal: request.reveal, reason: request.reason };
      url = this.url(pathOf(exportLedger, { roundId, areaId, ledger: request.kind }));
      init = { method: exportLedger.method, headers: { ...this.authorization(), 'content-type': 'application/json' }, body: JSON.stringify(body) };
    }
    let response: Response;
    try {
      response = await this.fetchImpl(url, { ...init, signal });
    } catch (error) {
      if (signal?.aborted) throw error;
      throw new ApiError(url, null, `server unreachable (${error instanceof Error ? error.message : String(error)})`);
    }
    if (response.status === 401) this.credential.reject();
    if (!response.ok) {
      const answer = (await response.json().catch(() => null)) as { message?: string; issues?: { field: string; reason: string }[] } | null;
      const issue = answer?.issues?.[0];
      throw new ApiError(url, response.status, issue ? `${issue.field} ${issue.reason}` : (answer?.message ?? `HTTP ${response.status}`));
    }
    const fallback = `${request.kind}-${roundId}-${areaId}.${request.format ?? 'xlsx'}`;
    return { blob: await response.blob(), fileName: downloadName(response.headers.get('content-disposition'), fallback) };
  }

  /**
   * A view's areas without their geometry (names, parents, ancestry and where
   * they lie), and the address of the vector tiles the map draws them from:
   * the outlines of a city's micro-grids would be megabytes of JSON.
   */
  async areas(query: AreaQuery, signal?: AbortSignal): Promise<TiledAreaCollection> {
    const collection = await this.get(getAreaCollection, this.url(pathOf(getAreaCollection), query, { geometry: 'none' }), signal);
    return { ...collection, tiles: this.tilesUrl(query) };
  }

  /** One area's whole outline, or null when it has none. */
  async areaOutline(areaId: string, signal?: AbortSignal): Promise<AreaGeometry | null> {
    const area = await this.get(getArea, this.url(pathOf(getArea, { areaId })), signal);
    return area.geometry ?? null;
  }

  /**
   * The address of a view's vector tiles as MapLibre wants it: absolute (its
   * worker resolves nothing against the page), with {z}/{x}/{y} left as they are.
   */
  tilesUrl(query: AreaQuery): string {
    // The path's :z/:x/:y become MapLibre's {z}/{x}/{y}.
    const url = this.url(getAreaTile.path.replace(/:([xyz])\b/g, '{$1}'), query);
    // Not new URL(): it would escape the braces MapLibre fills in.
    return /^[a-z]+:\/\//i.test(url) || !globalThis.location ? url : `${globalThis.location.origin}${url}`;
  }

  /** The credential as request headers, for requests made by others too (MapLibre's tile requests). */
  authorization(token = this.credential.token): Record<string, string> {
    return token ? { authorization: `Bearer ${token}` } : {};
  }

  async rounds(signal?: AbortSignal): Promise<readonly RoundSummary[]> {
    return this.get(listRounds, this.url(pathOf(listRounds)), signal);
  }

  async counts(roundId: string, query: AreaQuery, signal?: AbortSignal): Promise<readonly LevelCountsRow[]> {
    return this.get(listLevelCounts, this.url(pathOf(listLevelCounts, { roundId }), query), signal);
  }

  /** A micro-grid's buildings with their households counted for the round. */
  async buildings(roundId: string, microgridId: string, signal?: AbortSignal): Promise<readonly BuildingCounts[]> {
    return this.get(listBuildingCounts, this.url(pathOf(listBuildingCounts, { roundId, areaId: microgridId })), signal);
  }

  /** How the round went so far: its area's counts as the server sampled them, oldest first. */
  async history(roundId: string, signal?: AbortSignal): Promise<readonly ProgressSample[]> {
    return this.get(getRoundHistory, this.url(pathOf(getRoundHistory, { roundId })), signal);
  }

  /**
   * What the round is counted by: its template (measures, words, legends) and
   * its rules (colour bands, goal). The contract checks the shape; the core's
   * own validators then check what a schema cannot (a measure naming a count
   * its template has, rules naming the template's measures), as the server
   * did when it stored them.
   */
  async campaign(roundId: string, signal?: AbortSignal): Promise<RoundCampaign> {
    const url = this.url(pathOf(getRoundCampaign, { roundId }));
    const campaign = await this.get(getRoundCampaign, url, signal);
    const template = validateTemplate(campaign.template);
    if (!template.ok) throw new ApiError(url, 200, `template: ${issuesText(template.issues)}`);
    const rules = validateRules(campaign.rules, template.value);
    if (!rules.ok) throw new ApiError(url, 200, `rules: ${issuesText(rules.issues)}`);
    return campaign;
  }

  /** The territory's levels, root first: what the level picker lists and the map's deepest level. Checked as campaign() checks. */
  async levels(signal?: AbortSignal): Promise<TerritoryLevels> {
    const url = this.url(pathOf(getLevels));
    const answer = await this.get(getLevels, url, signal);
    const levels = validateLevels(answer.levels);
    if (!levels.ok) throw new ApiError(url, 200, `levels: ${issuesText(levels.issues)}`);
    return answer;
  }

  protected url(path: string, query?: AreaQuery, extra: Record<string, string> = {}): string {
    const params = new URLSearchParams();
    if (query) {
      params.set('level', query.level);
      if (query.within) params.set('within', query.within);
    }
    for (const [name, value] of Object.entries(extra)) params.set(name, value);
    const search = params.size > 0 ? `?${params.toString()}` : '';
    return `${this.baseUrl}${path}${search}`;
  }

  protected headers(token = this.credential.token): Record<string, string> {
    return { accept: 'application/json', ...this.authorization(token) };
  }

  /** GETs an operation's answer and checks it against the operation's schema for 200. */
  protected async get<O extends Operation>(op: O, url: string, signal?: AbortSignal): Promise<Answer<O>> {
    const checked = answerCheck(op)(await this.getJson(url, signal));
    if (!checked.ok) {
      const [first] = checked.issues;
      throw new ApiError(url, 200, `the answer does not match the API contract (${op.schema.operationId}): ${first ? `${first.field} ${first.reason}` : 'not valid'}`);
    }
    return checked.value;
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

function issuesText(issues: readonly ValidationIssue[]): string {
  return issues.map((issue) => `${issue.field} ${issue.reason}`).join('; ');
}
