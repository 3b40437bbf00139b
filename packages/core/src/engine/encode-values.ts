import type { TemplateCodes } from './template-codes.js';

/**
 * An event's values as option codes: for a household the outcome in the low
 * nibble; for a member the status in the low nibble and the marker in the
 * high one. A string names the first field that does not fit the template.
 */
export function encodeValues(codes: TemplateCodes, values: Readonly<Record<string, string>>, aboutMember: boolean): number | { field: string; reason: string } {
  let packed = 0;
  for (const fieldId in values) {
    const optionId = values[fieldId]!;
    const field = aboutMember
      ? fieldId === codes.status.fieldId
        ? codes.status
        : fieldId === codes.marker?.fieldId
          ? codes.marker
          : undefined
      : fieldId === codes.outcome.fieldId
        ? codes.outcome
        : undefined;
    if (field === undefined) {
      return { field: `values.${fieldId}`, reason: `is not a field of ${aboutMember ? 'a member' : 'a household'} in this round's template` };
    }
    const code = field.codeOf.get(optionId);
    if (code === undefined) return { field: `values.${fieldId}`, reason: `must be one of ${field.optionIds.join(', ')}` };
    packed |= field === codes.marker ? code << 4 : code;
  }
  if (packed === 0) return { field: 'values', reason: 'must record at least one field' };
  return packed;
}
