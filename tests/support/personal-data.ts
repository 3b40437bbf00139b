/** What a person's record holds that must never leave the server unmasked. */
export interface PersonRecord {
  readonly name: string;
  readonly phone?: string | null;
}

/** What was found in one piece of text, by kind. */
export interface PersonalDataFound {
  readonly names: string[];
  readonly phones: string[];
  readonly idNumbers: string[];
}

// A resident identity number: region, birth date (19xx/20xx), sequence, check digit.
const ID_NUMBER = /(?<!\d)[1-9]\d{5}(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx](?![\dXx])/g;
const CJK_RUN = /[\u3400-\u9fff]+/g;
const DIGIT_RUN = /\d{11,}/g;

/**
 * JSON may carry text as \uXXXX escapes (socket.io and Fastify send UTF-8,
 * but nothing obliges them to); decode them so a name is found either way.
 */
export function decodeUnicodeEscapes(text: string): string {
  return text.replace(/\\u([0-9a-fA-F]{4})/g, (_escape, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/**
 * Finds the names and phone numbers of the given people in a text, as exact
 * substrings after decoding escapes, and anything shaped like an ID number.
 * Names are looked up by every 2 to 4 character slice of each run of CJK
 * characters (Chinese names are that long), phones by every 11-digit slice of
 * each run of digits: exact substrings, without scanning the text once per person.
 */
export function personalDataFinder(people: readonly PersonRecord[]): (text: string) => PersonalDataFound {
  const names = new Set(people.map((person) => person.name));
  const phones = new Set(people.flatMap((person) => (person.phone ? [person.phone] : [])));
  const nameLengths = [...new Set([...names].map((name) => name.length))];
  return (raw) => {
    const text = decodeUnicodeEscapes(raw);
    const found: PersonalDataFound = { names: [], phones: [], idNumbers: [...text.matchAll(ID_NUMBER)].map((match) => match[0]) };
    for (const [run] of text.matchAll(CJK_RUN)) {
      for (let start = 0; start < run.length; start++) {
        for (const length of nameLengths) {
          const slice = run.slice(start, start + length);
          if (slice.length === length && names.has(slice)) found.names.push(slice);
        }
      }
    }
    for (const [run] of text.matchAll(DIGIT_RUN)) {
      for (let start = 0; start + 11 <= run.length; start++) {
        const slice = run.slice(start, start + 11);
        if (phones.has(slice)) found.phones.push(slice);
      }
    }
    return found;
  };
}
