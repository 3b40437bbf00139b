import { MAX_SPECIAL_GROUPS } from '../campaign/validate-template.js';
import { invariant } from '../validation/invariant.js';

/**
 * Special groups are facts about people (独居老人 is 独居老人 in every
 * campaign), so a member's tags are one mask shared by every template: each
 * group id gets a bit the first time a template names it.
 */
export class TagVocabulary {
  private readonly bits = new Map<string, number>();

  bitOf(groupId: string): number {
    let bit = this.bits.get(groupId);
    if (bit === undefined) {
      invariant(this.bits.size < MAX_SPECIAL_GROUPS, 'special groups of all templates', `at most ${MAX_SPECIAL_GROUPS}`, this.bits.size + 1);
      bit = this.bits.size;
      this.bits.set(groupId, bit);
    }
    return bit;
  }

  has(groupId: string): boolean {
    return this.bits.has(groupId);
  }

  /** Every known group id, in bit order. */
  get ids(): string[] {
    return [...this.bits.keys()];
  }

  /** The mask of a member's tags, or the first tag no template names. */
  maskOf(tags: readonly string[]): number | { readonly unknown: string } {
    let mask = 0;
    for (const tag of tags) {
      const bit = this.bits.get(tag);
      if (bit === undefined) return { unknown: tag };
      mask |= 1 << bit;
    }
    return mask;
  }
}
