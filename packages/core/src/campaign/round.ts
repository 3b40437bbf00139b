import { FieldReader } from '../validation/field-reader.js';
import { ID_RULE } from '../validation/ids.js';
import { invalid, valid, type Validated } from '../validation/validated.js';

/**
 * One campaign pass over a territory, e.g. "11-14 全员核酸". Coverage is per
 * round. It names the template and the rules it is counted by, by id and
 * version, so its figures can always be read against what made them.
 */
export interface Round {
  readonly id: string;
  readonly name: string;
  readonly templateId: string;
  readonly templateVersion: number;
  readonly rulesId: string;
  readonly rulesVersion: number;
  /** The area the round covers; its whole subtree is to be swept. */
  readonly areaId: string;
  /** When the round opens, in milliseconds since the Unix epoch. */
  readonly startsAt: number;
}

export interface RoundContext {
  /** Whether a template with this id and version is stored. */
  templateExists(templateId: string, version: number): boolean;
  /** The template id the rules are for, or undefined when no such rules are stored. */
  rulesTemplate(rulesId: string, version: number): string | undefined;
  /** The latest version of a template or of rules, used when a request leaves the version out. */
  latestTemplateVersion(templateId: string): number | undefined;
  latestRulesVersion(rulesId: string): number | undefined;
  areaExists(areaId: string): boolean;
  roundExists(roundId: string): boolean;
}

const KEYS = ['id', 'name', 'templateId', 'templateVersion', 'rulesId', 'rulesVersion', 'areaId', 'startsAt'];

/** Checks a new round; a template or rules version left out means the latest stored. */
export function validateRound(input: unknown, context: RoundContext, path = ''): Validated<Round> {
  const r = new FieldReader(input, path, KEYS);
  const id = r.string('id', ID_RULE);
  const name = r.string('name');
  const templateId = r.string('templateId', ID_RULE);
  const rulesId = r.string('rulesId', ID_RULE);
  const areaId = r.string('areaId', ID_RULE);
  const startsAt = r.integer('startsAt', { min: 0 });
  let templateVersion = r.integer('templateVersion', { min: 1, optional: true });
  let rulesVersion = r.integer('rulesVersion', { min: 1, optional: true });
  if (templateId !== undefined) {
    templateVersion ??= context.latestTemplateVersion(templateId);
    if (templateVersion === undefined || !context.templateExists(templateId, templateVersion)) {
      r.fail(r.has('templateVersion') ? 'templateVersion' : 'templateId', `no template ${templateId}${r.has('templateVersion') ? ` version ${templateVersion}` : ''} is stored`);
    }
  }
  if (rulesId !== undefined) {
    rulesVersion ??= context.latestRulesVersion(rulesId);
    const rulesTemplate = rulesVersion === undefined ? undefined : context.rulesTemplate(rulesId, rulesVersion);
    if (rulesTemplate === undefined) r.fail(r.has('rulesVersion') ? 'rulesVersion' : 'rulesId', `no rules ${rulesId}${r.has('rulesVersion') ? ` version ${rulesVersion}` : ''} are stored`);
    else if (templateId !== undefined && rulesTemplate !== templateId) r.fail('rulesId', `rules ${rulesId} are for template ${rulesTemplate}, not ${templateId}`);
  }
  if (id !== undefined && context.roundExists(id)) r.fail('id', `round ${id} already exists`);
  if (areaId !== undefined && !context.areaExists(areaId)) r.fail('areaId', `no area has id ${areaId}`);
  if (!r.ok) return invalid(r.issues);
  return valid({ id: id!, name: name!, templateId: templateId!, templateVersion: templateVersion!, rulesId: rulesId!, rulesVersion: rulesVersion!, areaId: areaId!, startsAt: startsAt! });
}
