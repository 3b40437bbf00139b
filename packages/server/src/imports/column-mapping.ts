import type { ImportProblem } from './import-problem.js';

/** A field an import reads, with the headers it is known by in the registers offices keep. */
export interface ImportField<F extends string = string> {
  readonly id: F;
  /** The header the template file uses. */
  readonly header: string;
  /** Other headers meaning the same, in Chinese and English. */
  readonly aliases: readonly string[];
  readonly required: boolean;
}

/** Which column (0-based) each field is read from. */
export type ColumnMapping<F extends string = string> = Partial<Record<F, number>>;

/** A user's correction: field id to the header (as in the file) it should be read from. */
export type MappingCorrection = Readonly<Record<string, string>>;

export interface MappingResult<F extends string> {
  readonly mapping: ColumnMapping<F>;
  /** Headers no field reads: shown so the user can map them. */
  readonly unused: readonly string[];
  readonly problems: readonly ImportProblem[];
}

/** Header text compared loosely: no spaces, no star for required, no note in brackets, lower case. */
export function normalizeHeader(text: string): string {
  return text
    .replace(/[（(【[].*?[）)】\]]/g, '')
    .replace(/[\s*＊:：]/g, '')
    .toLowerCase();
}

/**
 * Matches a file's header row to fields by name; a correction names the
 * header a field is to be read from, overriding the match. Missing required
 * fields and corrections naming no header are problems of the header row.
 */
export function mapColumns<F extends string>(
  headers: readonly string[],
  fields: readonly ImportField<F>[],
  headerRow: number,
  correction: MappingCorrection = {},
): MappingResult<F> {
  const normalized = headers.map(normalizeHeader);
  const mapping: ColumnMapping<F> = {};
  const problems: ImportProblem[] = [];
  const taken = new Set<number>();
  const known = new Set(fields.map((field) => field.id as string));
  for (const [fieldId, header] of Object.entries(correction)) {
    if (!known.has(fieldId)) {
      problems.push({ row: headerRow, column: header, value: fieldId, reason: `no field is called ${fieldId}; the fields are ${[...known].join(', ')}` });
      continue;
    }
    const index = normalized.indexOf(normalizeHeader(header));
    if (index < 0) problems.push({ row: headerRow, column: header, value: fieldId, reason: `the mapping names a column the file does not have` });
    else {
      mapping[fieldId as F] = index;
      taken.add(index);
    }
  }
  for (const field of fields) {
    if (mapping[field.id] !== undefined || correction[field.id] !== undefined) continue;
    const names = [field.header, field.id, ...field.aliases].map(normalizeHeader);
    const index = normalized.findIndex((header, i) => !taken.has(i) && names.includes(header));
    if (index >= 0) {
      mapping[field.id] = index;
      taken.add(index);
    } else if (field.required) {
      problems.push({ row: headerRow, column: field.header, value: '', reason: `no column for ${field.header} (${field.id}); name it in the mapping` });
    }
  }
  const unused = headers.filter((header, i) => !taken.has(i) && header !== '');
  return { mapping, unused, problems };
}

/** The cell a field is read from, '' when the field has no column or the row is short. */
export function cellOf<F extends string>(cells: readonly string[], mapping: ColumnMapping<F>, field: F): string {
  const index = mapping[field];
  return index === undefined ? '' : (cells[index] ?? '');
}
