/** Ids are short opaque strings that are safe in URLs, logs and file names. */
export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/;

export const ID_RULE = {
  pattern: ID_PATTERN,
  patternReason: 'must be 1-64 letters, digits, ".", "_", ":" or "-", starting with a letter or digit',
} as const;
