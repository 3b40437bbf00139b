import {
  BUILT_IN_RULES,
  BUILT_IN_TEMPLATES,
  DEFAULT_LEVELS,
  templateKey,
  validateLevels,
  validateRules,
  validateTemplate,
  type CampaignTemplate,
  type CountingRules,
  type Levels,
  type Round,
  type RoundContext,
} from '@gridsweep/core';
import { ApiError, validationFailed } from '../errors/api-error.js';
import type { CampaignRepository } from '../repositories/campaign-repository.js';

/** What a round is counted and shown by. */
export interface Campaign {
  readonly template: CampaignTemplate;
  readonly rules: CountingRules;
}

/** A committed change of the catalogue, as it is passed on to other server processes. */
export type CatalogueWrite = { readonly template: CampaignTemplate } | { readonly rules: CountingRules } | { readonly levels: { version: number; levels: Levels } };

/**
 * Every stored version of every campaign template and set of counting rules,
 * and the territory's levels: data an administrator adds as JSON, checked by
 * the core's validators before it is stored. The built-in ones are stored on
 * first start, so a round can always name what it is counted by.
 */
export class CampaignCatalogue {
  private readonly templates = new Map<string, CampaignTemplate>();
  private readonly rulesByKey = new Map<string, CountingRules>();
  private current: { version: number; levels: Levels } = { version: 1, levels: DEFAULT_LEVELS };
  private readonly templateListeners = new Set<(template: CampaignTemplate) => void>();
  private readonly levelsListeners = new Set<(levels: Levels) => void>();
  private readonly writeListeners = new Set<(write: CatalogueWrite) => void>();

  constructor(private readonly repository: CampaignRepository) {}

  /** Stores the built-in templates, rules and levels where missing, then reads everything stored. */
  async load(): Promise<void> {
    for (const template of BUILT_IN_TEMPLATES) await this.repository.insertTemplate(template, null);
    for (const rules of BUILT_IN_RULES) await this.repository.insertRules(rules, null);
    if (!(await this.repository.levels())) await this.repository.insertLevels(1, DEFAULT_LEVELS, null);
    for (const template of await this.repository.templates()) this.remember({ template });
    for (const rules of await this.repository.rules()) this.remember({ rules });
    this.current = (await this.repository.levels())!;
  }

  get levels(): Levels {
    return this.current.levels;
  }

  get levelsVersion(): number {
    return this.current.version;
  }

  allTemplates(): CampaignTemplate[] {
    return [...this.templates.values()];
  }

  allRules(): CountingRules[] {
    return [...this.rulesByKey.values()];
  }

  /** A template by id and version (the latest when the version is left out). */
  template(id: string, version?: number): CampaignTemplate | undefined {
    return this.templates.get(templateKey({ id, version: version ?? this.latest(this.templates, id) ?? 0 }));
  }

  rules(id: string, version?: number): CountingRules | undefined {
    return this.rulesByKey.get(templateKey({ id, version: version ?? this.latest(this.rulesByKey, id) ?? 0 }));
  }

  /** The template and rules a round names; a stored round always finds both. */
  campaignOf(round: Round): Campaign {
    const template = this.template(round.templateId, round.templateVersion);
    const rules = this.rules(round.rulesId, round.rulesVersion);
    if (!template || !rules) throw new Error(`round ${round.id} names a template or rules that are not stored`);
    return { template, rules };
  }

  /** What validateRound needs to know of the catalogue. */
  roundContext(): Pick<RoundContext, 'templateExists' | 'rulesTemplate' | 'latestTemplateVersion' | 'latestRulesVersion'> {
    return {
      templateExists: (id, version) => this.templates.has(templateKey({ id, version })),
      rulesTemplate: (id, version) => this.rulesByKey.get(templateKey({ id, version }))?.templateId,
      latestTemplateVersion: (id) => this.latest(this.templates, id),
      latestRulesVersion: (id) => this.latest(this.rulesByKey, id),
    };
  }

  /** Checks and stores a new template version; an existing id and version is refused, never replaced. */
  async addTemplate(input: unknown, createdBy: string): Promise<CampaignTemplate> {
    const result = validateTemplate(input);
    if (!result.ok) throw validationFailed(result.issues);
    if (!(await this.repository.insertTemplate(result.value, createdBy))) throw new ApiError('ALREADY_EXISTS');
    this.remember({ template: result.value });
    this.announce({ template: result.value });
    return result.value;
  }

  /** Checks new rules against the latest version of the template they name, and stores them. */
  async addRules(input: unknown, createdBy: string): Promise<CountingRules> {
    const templateId = typeof input === 'object' && input !== null ? (input as { templateId?: unknown }).templateId : undefined;
    const template = typeof templateId === 'string' ? this.template(templateId) : undefined;
    if (!template) throw validationFailed([{ field: 'templateId', reason: `must name a stored template (${[...new Set(this.allTemplates().map((t) => t.id))].join(', ')})` }]);
    const result = validateRules(input, template);
    if (!result.ok) throw validationFailed(result.issues);
    if (!(await this.repository.insertRules(result.value, createdBy))) throw new ApiError('ALREADY_EXISTS');
    this.remember({ rules: result.value });
    this.announce({ rules: result.value });
    return result.value;
  }

  /** New levels, as long as the levels stored areas use keep their places. */
  async setLevels(input: unknown, inUse: readonly string[], createdBy: string): Promise<{ version: number; levels: Levels }> {
    const result = validateLevels(input, inUse);
    if (!result.ok) throw validationFailed(result.issues);
    const next = { version: this.current.version + 1, levels: result.value };
    if (!(await this.repository.insertLevels(next.version, next.levels, createdBy))) throw new ApiError('ALREADY_EXISTS');
    this.remember({ levels: next });
    this.announce({ levels: next });
    return next;
  }

  /** Hears every template added after start, on this process or another (the counting engine must know it). */
  onTemplate(listener: (template: CampaignTemplate) => void): void {
    this.templateListeners.add(listener);
  }

  /** Hears every change of the levels after start, on this process or another (the counting engine must know it). */
  onLevels(listener: (levels: Levels) => void): void {
    this.levelsListeners.add(listener);
  }

  /** Hears every write this process commits, to pass on to other processes. */
  onWrite(listener: (write: CatalogueWrite) => void): () => void {
    this.writeListeners.add(listener);
    return () => this.writeListeners.delete(listener);
  }

  /** A write another process committed: remembered here; hearing it twice is harmless. */
  applyRemote(write: CatalogueWrite): void {
    this.remember(write);
  }

  private remember(write: CatalogueWrite): void {
    if ('template' in write) {
      const key = templateKey(write.template);
      if (this.templates.has(key)) return;
      this.templates.set(key, write.template);
      for (const listener of this.templateListeners) listener(write.template);
    } else if ('rules' in write) this.rulesByKey.set(templateKey(write.rules), write.rules);
    else if (write.levels.version > this.current.version) {
      this.current = write.levels;
      for (const listener of this.levelsListeners) listener(write.levels.levels);
    }
  }

  private announce(write: CatalogueWrite): void {
    for (const listener of this.writeListeners) listener(write);
  }

  private latest(map: ReadonlyMap<string, { id: string; version: number }>, id: string): number | undefined {
    let latest: number | undefined;
    for (const item of map.values()) if (item.id === id && (latest === undefined || item.version > latest)) latest = item.version;
    return latest;
  }
}
