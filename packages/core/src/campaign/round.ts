import { FieldReader } from '../validation/field-reader.js';
import { ID_RULE } from '../validation/ids.js';
import { invalid, valid, type Validated } from '../validation/validated.js';

/** One campaign pass over a territory, e.g. "11-14 全员核酸". Coverage is per round. */
export interface Round {
  readonly id: string;
  readonly name: string;
  readonly templateId: string;
  /** The area the round covers; its whole subtree is to be swept. */
  readonly areaId: string;
  /** When the round opens, in milliseconds since the Unix epoch. */
  readonly startsAt: number;
}

export interface RoundContext {
  readonly templateIds: readonly string[];
  areaExists(areaId: string): boolean;
  roundExists(roundId: string): boolean;
}

export function validateRound(input: unknown, context: RoundContext, path = ''): Validated<Round> {
  const r = new FieldReader(input, path, ['id', 'name', 'templateId', 'areaId', 'startsAt']);
  const id = r.string('id', ID_RULE);
  const name = r.string('name');
  const templateId = r.oneOf('templateId', context.templateIds);
  const areaId = r.string('areaId', ID_RULE);
  const startsAt = r.integer('startsAt', { min: 0 });
  if (id !== undefined && context.roundExists(id)) r.fail('id', `round ${id} already exists`);
  if (areaId !== undefined && !context.areaExists(areaId)) r.fail('areaId', `no area has id ${areaId}`);
  if (!r.ok) return invalid(r.issues);
  return valid({ id: id!, name: name!, templateId: templateId!, areaId: areaId!, startsAt: startsAt! });
}
