/** User-facing text: Simplified Chinese first, English second. */
export interface LocalizedText {
  readonly zh: string;
  readonly en: string;
}
