import type { TemplateCodes } from './template-codes.js';

/**
 * An event's counted values as option codes: for a household the outcome in
 * the low nibble; for a member the status in the low nibble and the marker in
 * the high one. Detail fields (a note, a date) are allowed and not counted, so
 * an event of details only encodes to 0. An object names the first field that
 * does not fit the template.
 */
export function encodeValues(codes: TemplateCodes, values: Readonly<Record<string, string>>, aboutMember: boolean): number | { field: string; reason: string } {
  let packed = 0;
  let fields = 0;
  for (const fieldId in values) {
    fields++;
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
      if ((aboutMember ? codes.memberDetails : codes.householdDetails).has(fieldId)) continue;
      return { field: `values.${fieldId}`, reason: `is not a field of ${aboutMember ? 'a member' : 'a household'} in this round's template` };
    }
    const code = field.codeOf.get(optionId);
    if (code === undefined) return { field: `values.${fieldId}`, reason: `must be one of ${field.optionIds.join(', ')}` };
    packed |= field === codes.marker ? code << 4 : code;
  }
  if (fields === 0) return { field: 'values', reason: 'must record at least one field' };
  return packed;
}
